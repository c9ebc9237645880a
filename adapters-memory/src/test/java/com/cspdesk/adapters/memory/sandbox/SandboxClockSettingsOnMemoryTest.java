package com.cspdesk.adapters.memory.sandbox;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.contracts.SandboxClockSettingsContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MemoryAdapters.class)
class SandboxClockSettingsOnMemoryTest extends SandboxClockSettingsContract {
}
