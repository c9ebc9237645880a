package com.cspdesk.adapters.persistence.software;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.software.port.out.Entitlements;
import com.cspdesk.application.software.port.out.OwnedSoftware;
import com.cspdesk.contracts.EntitlementsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Entitlements contract on the JDBC adapters; the subclasses choose the database. */
abstract class EntitlementsOnJdbc extends EntitlementsContract {

    @RegisterExtension
    final JdbcAdapters adapters;

    EntitlementsOnJdbc(JdbcAdapters adapters) {
        this.adapters = adapters;
    }

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
