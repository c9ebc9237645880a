package archfixtures.access.securedroles.adapters.web.orders;

import io.micronaut.security.annotation.Secured;

/** Violation: a route lists roles in @Secured instead of naming its permission. */
public class OrdersController {

    @Secured({"ADMIN_AGENT", "GLOBAL_ADMIN"})
    public String place() {
        return "placed";
    }
}
