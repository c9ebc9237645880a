package com.cspdesk.adapters.persistence.schema;

import com.cspdesk.adapters.persistence.shared.StoredInDatabase;
import io.micronaut.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds the {@link MigrationLease} to Flyway's run on the product's data source. Micronaut Flyway looks this
 * customizer up by the data source's name and then skips its default one, which only adds the Flyway callbacks,
 * Java migrations, resolvers and resource providers declared as beans: the product declares none.
 */
@StoredInDatabase
@Singleton
@Named(OneInstanceMigrates.DATA_SOURCE)
class OneInstanceMigrates implements FlywayConfigurationCustomizer {

    static final String DATA_SOURCE = "default";

    @Override
    public void customizeFluentConfiguration(FluentConfiguration configuration) {
        List<Callback> callbacks = new ArrayList<>(List.of(configuration.getCallbacks()));
        // The system clock, not the product's Clock bean: in the sandbox that is the moved test clock, which
        // instances do not share, and it reads its offset from the database this run is migrating.
        callbacks.add(new MigrationLease(Clock.systemUTC()));
        configuration.callbacks(callbacks.toArray(Callback[]::new));
    }

    @Override
    public String getName() {
        return DATA_SOURCE;
    }
}
