package com.cspdesk.application.sandbox.port.out;

import java.time.Instant;

/**
 * Told right after the sandbox clock has moved (and the move is saved and logged), so what the new
 * time makes due happens at once — the renewal job (issue #16), say — instead of at its next scheduled
 * run. A listener's failure does not undo the move; the schedule catches up later.
 */
public interface SandboxClockMoved {

    void moved(Instant now);
}
