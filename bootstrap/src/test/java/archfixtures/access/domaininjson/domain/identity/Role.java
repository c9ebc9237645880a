package archfixtures.access.domaininjson.domain.identity;

public enum Role {
    ADMIN_AGENT,
    SALES_AGENT
}
