package com.cspdesk.adapters.memory.sandbox;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.sandbox.port.out.SandboxClockSettings;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;

/** The sandbox clock's offset, kept for the life of the process (a restart starts at real time again). */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
class MemorySandboxClockSettings implements SandboxClockSettings {

    private final MemoryTransactions transactions;
    private Duration offset;

    MemorySandboxClockSettings(MemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<Duration> offset() {
        return transactions.read(() -> Optional.ofNullable(offset));
    }

    @Override
    public void saveOffset(Duration newOffset) {
        transactions.inTransaction(() -> {
            Duration before = offset;
            return transactions.change(() -> offset = newOffset, () -> offset = before);
        });
    }
}
