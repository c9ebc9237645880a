package com.cspdesk.application.shared.port.out;

import java.util.function.Supplier;

/**
 * One unit of work: everything written inside commits together or not at all. Nested calls
 * join the surrounding transaction.
 */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);
}
