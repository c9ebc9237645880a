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

class SoftwareRevocationsOnH2Test extends SoftwareRevocationsContract {

    @RegisterExtension
    static final JdbcAdapters ADAPTERS = JdbcAdapters.onH2();

    @Override
    protected SoftwareRevocations revocations() {
        return ADAPTERS.get(SoftwareRevocations.class);
    }

    @Override
    protected Orders orders() {
        return ADAPTERS.get(Orders.class);
    }

    @Override
    protected Entitlements entitlements() {
        return ADAPTERS.get(Entitlements.class);
    }

    @Override
    protected OwnedSoftware ownedSoftware() {
        return ADAPTERS.get(OwnedSoftware.class);
    }

    @Override
    protected DownloadLinks links() {
        return ADAPTERS.get(DownloadLinks.class);
    }

    @Override
    protected Transactions transactions() {
        return ADAPTERS.get(Transactions.class);
    }
}
