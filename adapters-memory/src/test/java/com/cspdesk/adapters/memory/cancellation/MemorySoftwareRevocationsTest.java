package com.cspdesk.adapters.memory.cancellation;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.application.cancellation.port.out.SoftwareRevocations;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.software.port.out.DownloadLinks;
import com.cspdesk.application.software.port.out.Entitlements;
import com.cspdesk.application.software.port.out.OwnedSoftware;
import com.cspdesk.contracts.SoftwareRevocationsContract;
import org.junit.jupiter.api.AfterEach;

/** SoftwareRevocationsContract on the memory adapter, a new empty store for each test. */
class MemorySoftwareRevocationsTest extends SoftwareRevocationsContract {

    private final MemoryAdapters memory = MemoryAdapters.start();

    @AfterEach
    void stop() {
        memory.close();
    }

    @Override
    protected SoftwareRevocations revocations() {
        return memory.get(SoftwareRevocations.class);
    }

    @Override
    protected Orders orders() {
        return memory.get(Orders.class);
    }

    @Override
    protected Entitlements entitlements() {
        return memory.get(Entitlements.class);
    }

    @Override
    protected OwnedSoftware ownedSoftware() {
        return memory.get(OwnedSoftware.class);
    }

    @Override
    protected DownloadLinks links() {
        return memory.get(DownloadLinks.class);
    }

    @Override
    protected Transactions transactions() {
        return memory.get(Transactions.class);
    }
}
