package com.cspdesk.adapters.memory.downloads;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.contracts.DownloadLinksContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MemoryAdapters.class)
class DownloadLinksOnMemoryTest extends DownloadLinksContract {
}
