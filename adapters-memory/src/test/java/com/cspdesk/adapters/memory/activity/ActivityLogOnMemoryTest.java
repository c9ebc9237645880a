package com.cspdesk.adapters.memory.activity;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.contracts.ActivityLogContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MemoryAdapters.class)
class ActivityLogOnMemoryTest extends ActivityLogContract {
}
