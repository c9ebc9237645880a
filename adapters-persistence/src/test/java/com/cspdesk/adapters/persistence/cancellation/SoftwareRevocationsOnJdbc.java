package com.cspdesk.adapters.persistence.cancellation;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.application.cancellation.port.out.SoftwareRevocations;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.software.port.out.DownloadLinks;
import com.cspdesk.application.software.port.out.Entitlements;
import com.cspdesk.application.software.port.out.OwnedSoftware;
import com.cspdesk.contracts.SoftwareRevocationsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SoftwareRevocations contract on the JDBC adapters; the subclasses choose the database. */
abstract class SoftwareRevocationsOnJdbc extends SoftwareRevocationsContract {

    @RegisterExtension
    final JdbcAdapters adapters;

    SoftwareRevocationsOnJdbc(JdbcAdapters adapters) {
        this.adapters = adapters;
    }

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
