package com.cspdesk.bootstrap.wiring;

import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.sandbox.SandboxClock;
import com.cspdesk.application.sandbox.port.out.SandboxClockSettings;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** The one {@link Clock} of the product: the system clock, or the sandbox test clock. */
@Factory
class Clocks {

    /**
     * How far back the sandbox clock begins when it makes the demo's history (bootstrap startup
     * DemoHistory, {@code cspdesk.demo.history.enabled}): thirteen months and a bit, so a one-year
     * subscription bought at its start renews within the last months.
     */
    static final Duration DEMO_HISTORY = Duration.ofDays(400);

    @Singleton
    @Primary
    @Requires(property = "cspdesk.sandbox.enabled", notEquals = "true")
    Clock systemClock() {
        return Clock.systemUTC();
    }

    /**
     * The sandbox clock at its saved offset. On fresh data (no offset saved, no customer yet) with the
     * demo's history on, it begins {@link #DEMO_HISTORY} in the past: nothing is recorded yet, so its
     * never going back holds, and the history lets time pass up to real time before anyone signs in.
     */
    @Singleton
    @Primary
    @Requires(property = "cspdesk.sandbox.enabled", value = "true")
    SandboxClock sandboxClock(SandboxClockSettings settings, Customers customers,
                              @Value("${cspdesk.demo.history.enabled:false}") boolean demoHistory) {
        Optional<Duration> saved = settings.offset();
        boolean fresh = saved.isEmpty() && demoHistory && customers.count(Optional.empty()) == 0;
        return new SandboxClock(Clock.systemUTC(), fresh ? DEMO_HISTORY.negated() : saved.orElse(Duration.ZERO));
    }
}
