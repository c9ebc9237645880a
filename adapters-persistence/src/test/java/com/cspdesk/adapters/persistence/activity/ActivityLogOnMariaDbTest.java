package com.cspdesk.adapters.persistence.activity;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.contracts.ActivityLogContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(JdbcAdapters.MariaDb.class)
class ActivityLogOnMariaDbTest extends ActivityLogContract {
}
