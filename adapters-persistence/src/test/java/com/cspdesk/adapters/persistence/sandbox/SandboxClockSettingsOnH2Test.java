package com.cspdesk.adapters.persistence.sandbox;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.contracts.SandboxClockSettingsContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(JdbcAdapters.H2.class)
class SandboxClockSettingsOnH2Test extends SandboxClockSettingsContract {
}
