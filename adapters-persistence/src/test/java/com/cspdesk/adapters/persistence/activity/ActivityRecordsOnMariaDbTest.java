package com.cspdesk.adapters.persistence.activity;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(JdbcAdapters.MariaDb.class)
class ActivityRecordsOnMariaDbTest extends ActivityRecordsOnJdbc {
}
