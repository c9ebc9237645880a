package com.cspdesk.adapters.memory.activity;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.domain.activity.ActivityEntry;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * Appends inside the caller's unit of work: units run one at a time, so appends to one chain get
 * consecutive sequences, and a unit that fails takes its records and the head's move back.
 */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
class MemoryActivityLog implements ActivityLog {

    private final ActivityBook book;

    MemoryActivityLog(ActivityBook book) {
        this.book = book;
    }

    @Override
    public void append(ActivityEntry entry) {
        book.append(entry);
    }
}
