package com.cspdesk.adapters.persistence.sandbox;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.application.sandbox.port.out.SandboxClockSettings;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.SandboxClockSettingsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class SandboxClockSettingsOnMariaDbTest extends SandboxClockSettingsContract {

    @RegisterExtension
    static final JdbcAdapters ADAPTERS = JdbcAdapters.onMariaDb();

    @Override
    protected SandboxClockSettings settings() {
        return ADAPTERS.get(SandboxClockSettings.class);
    }

    @Override
    protected Transactions transactions() {
        return ADAPTERS.get(Transactions.class);
    }
}
