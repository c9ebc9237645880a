package com.cspdesk.adapters.persistence.cancellation;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.application.cancellation.port.out.Credits;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.contracts.CreditsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Credits contract on the JDBC adapters; the subclasses choose the database. */
abstract class CreditsOnJdbc extends CreditsContract {

    @RegisterExtension
    final JdbcAdapters adapters;

    CreditsOnJdbc(JdbcAdapters adapters) {
        this.adapters = adapters;
    }

    @Override
    protected Credits credits() {
        return adapters.get(Credits.class);
    }

    @Override
    protected Orders orders() {
        return adapters.get(Orders.class);
    }
}
