package com.cspdesk.adapters.persistence.sandbox;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.contracts.SandboxClockSettingsContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(JdbcAdapters.MariaDb.class)
class SandboxClockSettingsOnMariaDbTest extends SandboxClockSettingsContract {
}
