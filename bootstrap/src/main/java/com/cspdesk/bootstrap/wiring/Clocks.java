package com.cspdesk.bootstrap.wiring;

import com.cspdesk.application.sandbox.SandboxClock;
import com.cspdesk.application.sandbox.port.out.SandboxClockSettings;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/** The one {@link Clock} of the product: the system clock, or the sandbox test clock. */
@Factory
class Clocks {

    @Singleton
    @Primary
    @Requires(property = "cspdesk.sandbox.enabled", notEquals = "true")
    Clock systemClock() {
        return Clock.systemUTC();
    }

    @Singleton
    @Primary
    @Requires(property = "cspdesk.sandbox.enabled", value = "true")
    SandboxClock sandboxClock(SandboxClockSettings settings) {
        return new SandboxClock(Clock.systemUTC(), settings.offset().orElse(Duration.ZERO));
    }
}
