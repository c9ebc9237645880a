package archfixtures.access.domaininjson.adapters.web.security;

import archfixtures.access.domaininjson.domain.identity.Role;

/** Allowed: the web adapter's security maps the token's role names. */
public final class RoleNames {

    private RoleNames() {
    }

    public static Role of(String name) {
        return "agent".equals(name) ? Role.ADMIN_AGENT : Role.SALES_AGENT;
    }
}
