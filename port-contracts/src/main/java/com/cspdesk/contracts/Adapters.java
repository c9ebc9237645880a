package com.cspdesk.contracts;

/**
 * The adapters a contract runs on, as one adapter world (memory, H2, MariaDB) puts them together:
 * each port by its interface. An adapter's test module supplies it with a JUnit extension that
 * resolves a parameter of this type; the contract's test then says only which extension it runs with.
 */
public interface Adapters {

    /** The world's implementation of a port (or, for the adapter's own fixtures, any other piece of it). */
    <T> T get(Class<T> type);
}
