package com.cspdesk.adapters.persistence.downloads;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;

class DownloadLinksOnMariaDbTest extends DownloadLinksOnJdbc {
    DownloadLinksOnMariaDbTest() {
        super(JdbcAdapters.onMariaDb());
    }
}
