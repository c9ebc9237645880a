package com.cspdesk.adapters.memory.software;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.software.port.out.Entitlements;
import com.cspdesk.application.software.port.out.OwnedSoftware;
import com.cspdesk.contracts.EntitlementsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class EntitlementsOnMemoryTest extends EntitlementsContract {

    @RegisterExtension
    final MemoryAdapters adapters = new MemoryAdapters();

    @Override
    protected Entitlements entitlements() {
        return adapters.get(Entitlements.class);
    }

    @Override
    protected OwnedSoftware owned() {
        return adapters.get(OwnedSoftware.class);
    }

    @Override
    protected Orders orders() {
        return adapters.get(Orders.class);
    }

    @Override
    protected Transactions transactions() {
        return adapters.get(Transactions.class);
    }
}
