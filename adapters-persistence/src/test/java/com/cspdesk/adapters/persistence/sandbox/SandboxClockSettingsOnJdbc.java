package com.cspdesk.adapters.persistence.sandbox;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.application.sandbox.port.out.SandboxClockSettings;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.SandboxClockSettingsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SandboxClockSettings contract on the JDBC adapters; the subclasses choose the database. */
abstract class SandboxClockSettingsOnJdbc extends SandboxClockSettingsContract {

    @RegisterExtension
    final JdbcAdapters adapters;

    SandboxClockSettingsOnJdbc(JdbcAdapters adapters) {
        this.adapters = adapters;
    }

    @Override
    protected SandboxClockSettings settings() {
        return adapters.get(SandboxClockSettings.class);
    }

    @Override
    protected Transactions transactions() {
        return adapters.get(Transactions.class);
    }
}
