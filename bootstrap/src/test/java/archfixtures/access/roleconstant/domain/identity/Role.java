package archfixtures.access.roleconstant.domain.identity;

public enum Role {
    ADMIN_AGENT,
    SALES_AGENT
}
