package com.cspdesk.bootstrap.startup;

import com.cspdesk.application.identity.port.in.CreateUser;
import com.cspdesk.application.identity.port.in.NewUser;
import com.cspdesk.application.identity.port.in.SeedUser;
import com.cspdesk.domain.identity.Role;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;

/**
 * api.md "Users": the first global admin comes from configuration (CSPDESK_ADMIN_USERNAME,
 * CSPDESK_ADMIN_PASSWORD) and is created on first start; a weak password stops the start.
 */
@Singleton
class InitialUsers {

    private static final Logger LOG = LoggerFactory.getLogger(InitialUsers.class);

    private final SeedUser seedUser;
    private final String username;
    private final String password;
    private final boolean sandbox;

    InitialUsers(SeedUser seedUser,
                 @Value("${cspdesk.admin.username:}") String username,
                 @Value("${cspdesk.admin.password:}") String password,
                 @Value("${cspdesk.sandbox.enabled:false}") boolean sandbox) {
        this.seedUser = seedUser;
        this.username = username;
        this.password = password;
        this.sandbox = sandbox;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (username.isBlank() || password.isBlank()) {
            if (!sandbox && !seedUser.anyUser()) {
                LOG.warn("No users yet: set CSPDESK_ADMIN_USERNAME and CSPDESK_ADMIN_PASSWORD to create the first global admin.");
            }
            return;
        }
        CreateUser.CreateUserResult result = seedUser.ensure(new NewUser(username, password, Set.of(Role.GLOBAL_ADMIN), null));
        if (result instanceof CreateUser.Refused refused) {
            throw new ConfigurationException("The first global admin from CSPDESK_ADMIN_USERNAME/CSPDESK_ADMIN_PASSWORD"
                    + " was refused: " + refused.reason().code());
        }
    }
}
