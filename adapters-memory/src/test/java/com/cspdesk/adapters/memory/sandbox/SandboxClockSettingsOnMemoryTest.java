package com.cspdesk.adapters.memory.sandbox;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.application.sandbox.port.out.SandboxClockSettings;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.SandboxClockSettingsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class SandboxClockSettingsOnMemoryTest extends SandboxClockSettingsContract {

    @RegisterExtension
    final MemoryAdapters adapters = new MemoryAdapters();

    @Override
    protected SandboxClockSettings settings() {
        return adapters.get(SandboxClockSettings.class);
    }

    @Override
    protected Transactions transactions() {
        return adapters.get(Transactions.class);
    }
}
