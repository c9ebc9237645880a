package com.cspdesk.adapters.persistence.downloads;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.software.port.out.DownloadLinks;
import com.cspdesk.contracts.DownloadLinksContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The DownloadLinks contract on the JDBC adapters; the subclasses choose the database. */
abstract class DownloadLinksOnJdbc extends DownloadLinksContract {

    @RegisterExtension
    final JdbcAdapters adapters;

    DownloadLinksOnJdbc(JdbcAdapters adapters) {
        this.adapters = adapters;
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
