/**
 * The in-memory adapter: every outgoing port kept in the JVM's memory with the JDBC adapter's
 * semantics (idempotency claims, one credit per cancellation, locks, all-or-nothing units of work).
 * Chosen at start with {@code CSPDESK_PERSISTENCE=memory}; nothing is written to disk. Each port's
 * contract suite in {@code port-contracts} runs against it as against H2 and MariaDB.
 */
package com.cspdesk.adapters.memory;
