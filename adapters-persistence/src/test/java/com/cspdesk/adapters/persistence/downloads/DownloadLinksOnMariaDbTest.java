package com.cspdesk.adapters.persistence.downloads;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.contracts.DownloadLinksContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(JdbcAdapters.MariaDb.class)
class DownloadLinksOnMariaDbTest extends DownloadLinksContract {
}
