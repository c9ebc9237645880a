package com.cspdesk.contracts;

import com.cspdesk.application.shared.port.out.Transactions;
import org.junit.jupiter.api.BeforeEach;

import java.util.function.Supplier;

/**
 * What every contract shares: it asks for the ports it needs by type, from the {@link Adapters} of
 * the world its test runs in. The test registers the extension that supplies them
 * ({@code @ExtendWith(MemoryAdapters.class)}, say) and states nothing else, so a port a contract
 * starts to need is one more {@code port(X.class)}, not one more accessor in every adapter's test.
 */
public abstract class PortContract {

    private Adapters adapters;

    /** Runs before the contracts' own set-up: theirs may already use ports. */
    @BeforeEach
    final void runOn(Adapters adapters) {
        this.adapters = adapters;
    }

    /** The adapter's implementation of a port, by its interface. */
    protected final <T> T port(Class<T> type) {
        return adapters.get(type);
    }

    /** A unit of work on the adapter's {@link Transactions}, which most contracts need. */
    protected final <T> T inTransaction(Supplier<T> work) {
        return port(Transactions.class).inTransaction(work);
    }
}
