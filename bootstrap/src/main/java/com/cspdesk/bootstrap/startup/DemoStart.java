package com.cspdesk.bootstrap.startup;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/**
 * Sandbox mode only: the demo's data at start-up, in the order each needs the one before — the demo users,
 * the demo customers, the software files (unless {@code cspdesk.demo.software-files} is false) and, on fresh
 * data with {@code cspdesk.demo.history.enabled}, the history that acts as those users for those customers.
 * Each part makes only what is not there yet.
 */
@Singleton
@Requires(property = "cspdesk.sandbox.enabled", value = "true")
class DemoStart {

    private final DemoUsers users;
    private final DemoCustomers customers;
    private final DemoSoftwareFiles softwareFiles;
    private final DemoHistory history;

    DemoStart(DemoUsers users, DemoCustomers customers, @Nullable DemoSoftwareFiles softwareFiles,
              @Nullable DemoHistory history) {
        this.users = users;
        this.customers = customers;
        this.softwareFiles = softwareFiles;
        this.history = history;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        users.ensure();
        customers.ensure();
        if (softwareFiles != null) {
            softwareFiles.ensure();
        }
        if (history != null) {
            history.make(softwareFiles != null);
        }
    }
}
