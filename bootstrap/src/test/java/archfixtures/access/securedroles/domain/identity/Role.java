package archfixtures.access.securedroles.domain.identity;

public enum Role {
    ADMIN_AGENT,
    SALES_AGENT
}
