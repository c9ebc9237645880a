package com.cspdesk.adapters.persistence;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Adapter tests run without bootstrap's clock; this one steps aside wherever a real one exists. */
@Factory
class TestClockFactory {

    @Singleton
    @Secondary
    Clock testClock() {
        return Clock.systemUTC();
    }
}
