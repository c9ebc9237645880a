package archfixtures.access.securedroles.adapters.web.orders;

import io.micronaut.security.annotation.Secured;

/** Violation: a whole controller opened to one role. */
@Secured("ACCOUNT_ADMIN")
public class InvoicesController {

    public String list() {
        return "[]";
    }
}
