package com.cspdesk.adapters.memory.cancellation;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.application.cancellation.port.out.SoftwareRevocations;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.software.port.out.DownloadLinks;
import com.cspdesk.application.software.port.out.Entitlements;
import com.cspdesk.application.software.port.out.OwnedSoftware;
import com.cspdesk.contracts.SoftwareRevocationsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class SoftwareRevocationsOnMemoryTest extends SoftwareRevocationsContract {

    @RegisterExtension
    final MemoryAdapters adapters = new MemoryAdapters();

    @Override
    protected SoftwareRevocations revocations() {
        return adapters.get(SoftwareRevocations.class);
    }

    @Override
    protected Orders orders() {
        return adapters.get(Orders.class);
    }

    @Override
    protected Entitlements entitlements() {
        return adapters.get(Entitlements.class);
    }

    @Override
    protected OwnedSoftware ownedSoftware() {
        return adapters.get(OwnedSoftware.class);
    }

    @Override
    protected DownloadLinks links() {
        return adapters.get(DownloadLinks.class);
    }

    @Override
    protected Transactions transactions() {
        return adapters.get(Transactions.class);
    }
}
