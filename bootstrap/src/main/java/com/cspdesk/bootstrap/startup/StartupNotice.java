package com.cspdesk.bootstrap.startup;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/** Tells the person who started the product where it runs, where its data lives and, in the sandbox, how to sign in. */
@Singleton
class StartupNotice {

    static final String IN_MEMORY = "  data: in memory only (CSPDESK_PERSISTENCE=memory) — nothing is written to disk,"
            + " and everything is gone when the process stops";

    private final boolean sandbox;
    private final boolean memory;
    private final String datasourceUrl;
    private final DemoUsers demoUsers;

    StartupNotice(@Value("${cspdesk.sandbox.enabled:false}") boolean sandbox,
                  @Value("${cspdesk.persistence:jdbc}") String persistence,
                  @Value("${datasources.default.url:}") String datasourceUrl,
                  @Nullable DemoUsers demoUsers) {
        this.sandbox = sandbox;
        this.memory = "memory".equals(persistence);
        this.datasourceUrl = datasourceUrl;
        this.demoUsers = demoUsers;
    }

    @EventListener
    void onServerStarted(ServerStartupEvent event) {
        StringBuilder notice = new StringBuilder("\n");
        notice.append("CSP Software Desk is running at ").append(event.getSource().getURL()).append('\n');
        if (memory) {
            notice.append(IN_MEMORY).append('\n');
        } else {
            notice.append("  database: ").append(datasourceUrl.replaceAll("(?i)(password=)[^;&]*", "$1***")).append('\n');
        }
        if (sandbox && demoUsers != null) {
            notice.append("  sandbox mode: test clock at /v1/test/clock, demo users (password ")
                    .append(DemoUsers.PASSWORD).append("):\n");
            for (DemoUsers.DemoUser user : DemoUsers.USERS) {
                notice.append(String.format("    %-32s %s%n", user.username(), user.role()));
            }
            notice.append("  sign in: curl -s -X POST ").append(event.getSource().getURL())
                    .append("/login -H 'Content-Type: application/json' -d '{\"username\":\"admin.agent@partner.demo\",\"password\":\"")
                    .append(DemoUsers.PASSWORD).append("\"}'\n");
        }
        System.out.println(notice);
    }
}
