package com.cspdesk.adapters.persistence.testing;

import io.micronaut.context.ApplicationContext;

import java.util.Map;
import java.util.UUID;

/**
 * The persistence adapters on a fresh in-memory H2 in MySQL mode, as `./run-demo` runs them (same
 * URL options, migrations on, sandbox on): for the tests that check the SQL also runs there.
 */
public final class H2InMySqlMode {

    private H2InMySqlMode() {
    }

    /** A started context on its own new database; the caller closes it. */
    public static ApplicationContext start() {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE";
        return ApplicationContext.run(Map.of(
                "datasources.default.url", url,
                "datasources.default.username", "sa",
                "datasources.default.password", "",
                "datasources.default.dialect", "MYSQL",
                "flyway.datasources.default.enabled", "true",
                "cspdesk.sandbox.enabled", "true"));
    }
}
