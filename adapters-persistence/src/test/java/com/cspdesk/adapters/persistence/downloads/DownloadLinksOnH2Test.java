package com.cspdesk.adapters.persistence.downloads;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.software.port.out.DownloadLinks;
import com.cspdesk.contracts.DownloadLinksContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class DownloadLinksOnH2Test extends DownloadLinksContract {

    @RegisterExtension
    static final JdbcAdapters ADAPTERS = JdbcAdapters.onH2();

    @Override
    protected DownloadLinks links() {
        return ADAPTERS.get(DownloadLinks.class);
    }

    @Override
    protected Transactions transactions() {
        return ADAPTERS.get(Transactions.class);
    }
}
