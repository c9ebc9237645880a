package com.cspdesk.adapters.persistence.sandbox;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;

class SandboxClockSettingsOnMariaDbTest extends SandboxClockSettingsOnJdbc {
    SandboxClockSettingsOnMariaDbTest() {
        super(JdbcAdapters.onMariaDb());
    }
}
