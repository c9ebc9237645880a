package com.cspdesk.adapters.memory.downloads;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.software.port.out.DownloadLinks;
import com.cspdesk.contracts.DownloadLinksContract;
import org.junit.jupiter.api.AfterEach;

/** DownloadLinksContract on the memory adapter, a new empty store for each test. */
class MemoryDownloadLinksTest extends DownloadLinksContract {

    private final MemoryAdapters memory = MemoryAdapters.start();

    @AfterEach
    void stop() {
        memory.close();
    }

    @Override
    protected DownloadLinks links() {
        return memory.get(DownloadLinks.class);
    }

    @Override
    protected Transactions transactions() {
        return memory.get(Transactions.class);
    }
}
