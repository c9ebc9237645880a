package com.cspdesk.adapters.persistence.activity;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.contracts.ActivityLogContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(JdbcAdapters.H2.class)
class ActivityLogOnH2Test extends ActivityLogContract {
}
