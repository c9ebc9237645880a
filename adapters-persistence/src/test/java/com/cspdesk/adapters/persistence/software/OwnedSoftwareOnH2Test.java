package com.cspdesk.adapters.persistence.software;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.software.port.out.Entitlements;
import com.cspdesk.application.software.port.out.OwnedSoftware;
import com.cspdesk.contracts.OwnedSoftwareContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class OwnedSoftwareOnH2Test extends OwnedSoftwareContract {

    @RegisterExtension
    static final JdbcAdapters ADAPTERS = JdbcAdapters.onH2();

    @Override
    protected OwnedSoftware owned() {
        return ADAPTERS.get(OwnedSoftware.class);
    }

    @Override
    protected Entitlements entitlements() {
        return ADAPTERS.get(Entitlements.class);
    }

    @Override
    protected Orders orders() {
        return ADAPTERS.get(Orders.class);
    }
}
