package com.cspdesk.application.sandbox.port.in;

import java.time.Duration;
import java.time.Instant;

/** The sandbox's now, and how far it is ahead of real time. */
public record SandboxTime(Instant now, Duration offset) {
}
