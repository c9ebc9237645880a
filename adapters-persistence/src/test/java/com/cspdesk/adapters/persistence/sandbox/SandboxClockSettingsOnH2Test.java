package com.cspdesk.adapters.persistence.sandbox;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;

class SandboxClockSettingsOnH2Test extends SandboxClockSettingsOnJdbc {
    SandboxClockSettingsOnH2Test() {
        super(JdbcAdapters.onH2());
    }
}
