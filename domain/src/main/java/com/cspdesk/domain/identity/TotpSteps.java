package com.cspdesk.domain.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The time steps of RFC 6238 (TOTP) a code may be for: 30-second steps counted from the epoch, the
 * current one and one either side (RFC 6238 §5.2: a clock a little off still signs in), but never a
 * step at or before the last one used — a code once accepted, or one older than it, is not
 * accepted again (§5.2: "the verifier MUST NOT accept the second attempt of the same OTP").
 */
public final class TotpSteps {

    /** The step length every authenticator app assumes. */
    public static final Duration STEP = Duration.ofSeconds(30);
    /** Steps accepted either side of the current one. */
    public static final int DRIFT = 1;
    /** The last used step of a factor that has accepted no code yet. */
    public static final long NONE_USED = -1;

    private TotpSteps() {
    }

    /** The step an instant falls in. */
    public static long stepAt(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), STEP.getSeconds());
    }

    /** The steps a code entered at {@code now} may match, oldest first, all after {@code lastUsedStep}. */
    public static List<Long> acceptable(Instant now, long lastUsedStep) {
        long current = stepAt(now);
        List<Long> steps = new ArrayList<>();
        for (long step = Math.max(0, current - DRIFT); step <= current + DRIFT; step++) {
            if (step > lastUsedStep) {
                steps.add(step);
            }
        }
        return steps;
    }
}
