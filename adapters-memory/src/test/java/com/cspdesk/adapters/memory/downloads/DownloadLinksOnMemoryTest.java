package com.cspdesk.adapters.memory.downloads;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.software.port.out.DownloadLinks;
import com.cspdesk.contracts.DownloadLinksContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class DownloadLinksOnMemoryTest extends DownloadLinksContract {

    @RegisterExtension
    final MemoryAdapters adapters = new MemoryAdapters();

    @Override
    protected DownloadLinks links() {
        return adapters.get(DownloadLinks.class);
    }

    @Override
    protected Transactions transactions() {
        return adapters.get(Transactions.class);
    }
}
