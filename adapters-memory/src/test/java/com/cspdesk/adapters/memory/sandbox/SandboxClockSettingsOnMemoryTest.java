package com.cspdesk.adapters.memory.sandbox;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.sandbox.port.out.SandboxClockSettings;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.SandboxClockSettingsContract;

class SandboxClockSettingsOnMemoryTest extends SandboxClockSettingsContract {

    private final MemoryTransactions transactions = new MemoryTransactions();
    private final MemorySandboxClockSettings settings = new MemorySandboxClockSettings(transactions);

    @Override
    protected SandboxClockSettings settings() {
        return settings;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }
}
