package archfixtures.access.roleconstant.adapters.web.orders;

import archfixtures.access.roleconstant.domain.identity.Role;
import java.util.Set;

/** Violation: a controller keeps its own role list instead of asking the permission table. */
public class OrdersController {

    private static final Set<Role> MAY_PLACE = Set.of(Role.ADMIN_AGENT);

    public boolean mayPlace(Set<Role> held) {
        return held.stream().anyMatch(MAY_PLACE::contains);
    }
}
