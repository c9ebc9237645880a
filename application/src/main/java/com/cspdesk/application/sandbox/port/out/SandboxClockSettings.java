package com.cspdesk.application.sandbox.port.out;

import java.time.Duration;
import java.util.Optional;

/** Where the sandbox clock's offset is kept, so a restart does not move time back. */
public interface SandboxClockSettings {

    Optional<Duration> offset();

    void saveOffset(Duration offset);
}
