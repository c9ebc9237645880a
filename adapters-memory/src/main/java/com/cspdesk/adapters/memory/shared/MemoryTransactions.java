package com.cspdesk.adapters.memory.shared;

import com.cspdesk.application.shared.port.out.Transactions;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Units of work in memory: one at a time (a fair lock over the whole store, so whatever a JDBC
 * adapter gets from row locks — one claim per idempotency key, one credit per cancellation — holds
 * here by serialisation), and all or nothing (every change registers how to take it back; a unit
 * that throws is undone newest first). Nested calls join the surrounding unit, as on JDBC. What is to
 * follow a commit runs once the unit completed and its lock is released, in the order registered.
 *
 * <p>Every memory adapter reads and writes through {@link #read} and {@link #change}, never around
 * them, so a reader never sees another unit's uncommitted change.
 */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
public final class MemoryTransactions implements Transactions {

    /** The setting ({@code CSPDESK_PERSISTENCE}) that chooses this adapter. */
    public static final String PERSISTENCE = "cspdesk.persistence";
    public static final String MEMORY = "memory";

    private final ReentrantLock lock = new ReentrantLock(true);
    private final ThreadLocal<Deque<Runnable>> undoLog = new ThreadLocal<>();
    private final ThreadLocal<List<Runnable>> afterCommit = new ThreadLocal<>();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (undoLog.get() != null) {
            return work.get();
        }
        lock.lock();
        Deque<Runnable> undo = new ArrayDeque<>();
        List<Runnable> committed = new ArrayList<>();
        undoLog.set(undo);
        afterCommit.set(committed);
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error failure) {
            while (!undo.isEmpty()) {
                undo.pop().run();
            }
            throw failure;
        } finally {
            undoLog.remove();
            afterCommit.remove();
            lock.unlock();
        }
        committed.forEach(Runnable::run);
        return result;
    }

    @Override
    public void afterCommit(Runnable action) {
        List<Runnable> open = afterCommit.get();
        if (open == null) {
            action.run();
        } else {
            open.add(action);
        }
    }

    /** A read inside the current unit of work, or a unit of its own. */
    public <T> T read(Supplier<T> read) {
        return inTransaction(read);
    }

    /**
     * Applies a change inside the current unit of work (or a unit of its own) and remembers how to
     * take it back should the unit fail. {@code undo} runs only if {@code apply} completed.
     */
    public <T> T change(Supplier<T> apply, Runnable undo) {
        return inTransaction(() -> {
            T result = apply.get();
            undoLog.get().push(undo);
            return result;
        });
    }

    /** Whether the calling thread is inside a unit of work (for adapters that must not start one). */
    public boolean inUnitOfWork() {
        return undoLog.get() != null;
    }
}
