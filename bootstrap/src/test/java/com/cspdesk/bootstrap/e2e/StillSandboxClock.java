package com.cspdesk.bootstrap.e2e;

import com.cspdesk.application.sandbox.SandboxClock;
import com.cspdesk.application.sandbox.port.out.SandboxClockSettings;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * For end-to-end tests that state exact instants ({@link EndToEnd#clockStandsStill()}): the sandbox
 * clock's real time stands still at the second the context starts, so the product's time moves
 * only when the test moves it ({@code PUT /v1/test/clock}). "The last instant of the window" is
 * then that instant, not two seconds before it in the hope that the request is fast.
 */
@Factory
@Requires(property = EndToEnd.CLOCK_STANDS_STILL, value = "true")
class StillSandboxClock {

    @Singleton
    @Primary
    @Replaces(SandboxClock.class)
    SandboxClock stillSandboxClock(SandboxClockSettings settings) {
        Clock still = Clock.fixed(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
        return new SandboxClock(still, settings.offset().orElse(Duration.ZERO));
    }
}
