package com.cspdesk.adapters.persistence.software;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.software.port.out.Entitlements;
import com.cspdesk.application.software.port.out.OwnedSoftware;
import com.cspdesk.contracts.EntitlementsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class EntitlementsOnH2Test extends EntitlementsContract {

    @RegisterExtension
    static final JdbcAdapters ADAPTERS = JdbcAdapters.onH2();

    @Override
    protected Entitlements entitlements() {
        return ADAPTERS.get(Entitlements.class);
    }

    @Override
    protected OwnedSoftware owned() {
        return ADAPTERS.get(OwnedSoftware.class);
    }

    @Override
    protected Orders orders() {
        return ADAPTERS.get(Orders.class);
    }

    @Override
    protected Transactions transactions() {
        return ADAPTERS.get(Transactions.class);
    }
}
