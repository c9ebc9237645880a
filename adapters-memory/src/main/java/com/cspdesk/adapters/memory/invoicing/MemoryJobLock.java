package com.cspdesk.adapters.memory.invoicing;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.invoicing.port.out.JobLock;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Job locks of this one process: a name is held while its task runs. Outside the units of work on
 * purpose — like ShedLock's auto-committed row, taking or releasing a lock is not undone with the
 * caller's unit, and a task (an invoice run) makes units of its own while it holds the lock.
 * {@code lockAtMostFor} guards against a dead instance holding a database lock; in one process the
 * lock goes when the task ends, however it ends.
 */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
class MemoryJobLock implements JobLock {

    private final Set<String> held = ConcurrentHashMap.newKeySet();

    @Override
    public boolean runExclusively(String name, Duration lockAtMostFor, Runnable task) {
        if (!held.add(name)) {
            return false;
        }
        try {
            task.run();
            return true;
        } finally {
            held.remove(name);
        }
    }
}
