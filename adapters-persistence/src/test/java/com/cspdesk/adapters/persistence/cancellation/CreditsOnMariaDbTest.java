package com.cspdesk.adapters.persistence.cancellation;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.application.cancellation.port.out.Credits;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.contracts.CreditsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class CreditsOnMariaDbTest extends CreditsContract {

    @RegisterExtension
    static final JdbcAdapters ADAPTERS = JdbcAdapters.onMariaDb();

    @Override
    protected Credits credits() {
        return ADAPTERS.get(Credits.class);
    }

    @Override
    protected Orders orders() {
        return ADAPTERS.get(Orders.class);
    }
}
