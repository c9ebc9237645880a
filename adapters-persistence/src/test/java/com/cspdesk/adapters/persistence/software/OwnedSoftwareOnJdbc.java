package com.cspdesk.adapters.persistence.software;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.software.port.out.Entitlements;
import com.cspdesk.application.software.port.out.OwnedSoftware;
import com.cspdesk.contracts.OwnedSoftwareContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The OwnedSoftware contract on the JDBC adapters; the subclasses choose the database. */
abstract class OwnedSoftwareOnJdbc extends OwnedSoftwareContract {

    @RegisterExtension
    final JdbcAdapters adapters;

    OwnedSoftwareOnJdbc(JdbcAdapters adapters) {
        this.adapters = adapters;
    }

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
