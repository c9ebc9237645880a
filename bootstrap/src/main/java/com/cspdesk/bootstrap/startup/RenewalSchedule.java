package com.cspdesk.bootstrap.startup;

import com.cspdesk.application.sandbox.port.out.SandboxClockMoved;
import com.cspdesk.application.subscriptions.port.in.RenewSubscriptions;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * Issue #16: subscriptions whose term has ended are renewed or expire every five minutes (on the
 * sandbox clock too), and in the sandbox right after the clock is moved, so a tester who moves it a
 * year sees the renewal at once. Safe on several instances at once: each term changes by a
 * compare-and-set, so only one instance renews it.
 */
@Singleton
@Requires(property = "cspdesk.subscriptions.renewal-schedule.enabled", notEquals = "false")
class RenewalSchedule implements SandboxClockMoved {

    private static final Logger LOG = LoggerFactory.getLogger(RenewalSchedule.class);

    private final RenewSubscriptions renewals;

    RenewalSchedule(RenewSubscriptions renewals) {
        this.renewals = renewals;
    }

    @Scheduled(fixedDelay = "5m", initialDelay = "1m")
    void renewDue() {
        int made = renewals.renewDue();
        if (made > 0) {
            LOG.info("Renewed or expired {} subscription terms", made);
        }
    }

    /** The sandbox clock moved: what it made due happens now. A failure leaves it to the schedule. */
    @Override
    public void moved(Instant now) {
        try {
            renewDue();
        } catch (RuntimeException e) {
            LOG.warn("Renewing subscriptions after the sandbox clock moved to {} failed; the schedule tries again", now, e);
        }
    }
}
