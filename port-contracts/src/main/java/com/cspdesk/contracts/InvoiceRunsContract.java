package com.cspdesk.contracts;

import com.cspdesk.application.invoicing.port.in.InvoiceViews.InvoiceRunView;
import com.cspdesk.application.invoicing.port.out.InvoiceRuns;
import com.cspdesk.application.shared.port.out.Transactions;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link InvoiceRuns} must do: a run saved when it starts is overwritten as it progresses, and can be forgotten. */
public abstract class InvoiceRunsContract {

    private static final Instant STARTED = Instant.parse("2026-12-01T00:05:00.123456Z");

    protected abstract InvoiceRuns runs();

    protected abstract Transactions transactions();

    @Test
    void aRunIsSavedWhenItStartsAndOverwrittenAsItProgresses() {
        String id = UUID.randomUUID().toString();
        InvoiceRunView running = new InvoiceRunView(id, YearMonth.of(2026, 11), "running", STARTED, Optional.empty(),
                0, 0, 0, "admin.agent@partner.demo");
        runs().save(running);
        assertThat(runs().find(id)).contains(running);

        InvoiceRunView progress = new InvoiceRunView(id, YearMonth.of(2026, 11), "running", STARTED, Optional.empty(),
                3, 1, 1, "admin.agent@partner.demo");
        runs().save(progress);
        assertThat(runs().find(id)).contains(progress);

        InvoiceRunView done = new InvoiceRunView(id, YearMonth.of(2026, 11), "completed", STARTED,
                Optional.of(Instant.parse("2026-12-01T00:05:09.000001Z")), 3, 3, 2, "admin.agent@partner.demo");
        runs().save(done);
        assertThat(runs().find(id)).contains(done);
        assertThat(runs().find("no-such-run")).isEmpty();

        runs().remove(id);
        assertThat(runs().find(id)).isEmpty();
        runs().remove(id);
        assertThat(runs().find(id)).isEmpty();
    }

    @Test
    void progressSavedInAUnitThatFailsIsNotKept() {
        String id = UUID.randomUUID().toString();
        InvoiceRunView running = new InvoiceRunView(id, YearMonth.of(2026, 11), "running", STARTED, Optional.empty(),
                2, 0, 0, "scheduler");
        runs().save(running);

        try {
            transactions().inTransaction(() -> {
                runs().save(new InvoiceRunView(id, YearMonth.of(2026, 11), "running", STARTED, Optional.empty(),
                        2, 1, 1, "scheduler"));
                runs().remove(id);
                throw new IllegalStateException("rolled back");
            });
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessage("rolled back");
        }

        assertThat(runs().find(id)).contains(running);
    }
}
