package com.cspdesk.adapters.persistence.support;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(JdbcAdapters.H2.class)
class ServiceRequestsOnH2Test extends ServiceRequestsOnJdbc {
}
