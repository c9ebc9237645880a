package archfixtures.access.clean.domain.identity;

public enum Role {
    ADMIN_AGENT,
    SALES_AGENT
}
