package com.cspdesk.adapters.memory.software;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.software.port.out.Entitlements;
import com.cspdesk.application.software.port.out.OwnedSoftware;
import com.cspdesk.contracts.OwnedSoftwareContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class OwnedSoftwareOnMemoryTest extends OwnedSoftwareContract {

    @RegisterExtension
    final MemoryAdapters adapters = new MemoryAdapters();

    @Override
    protected OwnedSoftware owned() {
        return adapters.get(OwnedSoftware.class);
    }

    @Override
    protected Entitlements entitlements() {
        return adapters.get(Entitlements.class);
    }

    @Override
    protected Orders orders() {
        return adapters.get(Orders.class);
    }
}
