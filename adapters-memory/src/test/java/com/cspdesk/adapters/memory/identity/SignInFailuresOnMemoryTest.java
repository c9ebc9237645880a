package com.cspdesk.adapters.memory.identity;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.contracts.SignInFailuresContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MemoryAdapters.class)
class SignInFailuresOnMemoryTest extends SignInFailuresContract {
}
