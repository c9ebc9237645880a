package com.cspdesk.application.shared.port.out;

import java.util.function.Supplier;

/**
 * One unit of work: everything written inside commits together or not at all. Nested calls
 * join the surrounding transaction.
 */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs {@code action} once the surrounding unit of work has committed, and never if it rolls back:
     * for what must follow only a change that happened (a business counter). Registered inside a nested
     * unit, it waits for the outermost one. Outside a unit of work it runs at once. The action must not
     * throw: the commit is done by then.
     */
    void afterCommit(Runnable action);
}
