package com.cspdesk.adapters.persistence.downloads;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;

class DownloadLinksOnH2Test extends DownloadLinksOnJdbc {
    DownloadLinksOnH2Test() {
        super(JdbcAdapters.onH2());
    }
}
