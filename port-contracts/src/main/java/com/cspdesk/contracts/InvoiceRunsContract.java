package com.cspdesk.contracts;

import com.cspdesk.application.invoicing.port.in.InvoiceViews.InvoiceRunView;
import com.cspdesk.application.invoicing.port.out.InvoiceRuns;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link InvoiceRuns} must do: a run saved when it starts is overwritten as it progresses, and can be forgotten. */
public abstract class InvoiceRunsContract extends PortContract {

    private static final Instant STARTED = Instant.parse("2026-12-01T00:05:00.123456Z");

    @Test
    void aRunIsSavedWhenItStartsAndOverwrittenAsItProgresses() {
        String id = UUID.randomUUID().toString();
        InvoiceRunView running = new InvoiceRunView(id, YearMonth.of(2026, 11), "running", STARTED, Optional.empty(),
                0, 0, 0, "admin.agent@partner.demo");
        port(InvoiceRuns.class).save(running);
        assertThat(port(InvoiceRuns.class).find(id)).contains(running);

        InvoiceRunView progress = new InvoiceRunView(id, YearMonth.of(2026, 11), "running", STARTED, Optional.empty(),
                3, 1, 1, "admin.agent@partner.demo");
        port(InvoiceRuns.class).save(progress);
        assertThat(port(InvoiceRuns.class).find(id)).contains(progress);

        InvoiceRunView done = new InvoiceRunView(id, YearMonth.of(2026, 11), "completed", STARTED,
                Optional.of(Instant.parse("2026-12-01T00:05:09.000001Z")), 3, 3, 2, "admin.agent@partner.demo");
        port(InvoiceRuns.class).save(done);
        assertThat(port(InvoiceRuns.class).find(id)).contains(done);
        assertThat(port(InvoiceRuns.class).find("no-such-run")).isEmpty();

        port(InvoiceRuns.class).remove(id);
        assertThat(port(InvoiceRuns.class).find(id)).isEmpty();
        port(InvoiceRuns.class).remove(id);
        assertThat(port(InvoiceRuns.class).find(id)).isEmpty();
    }

    @Test
    void progressSavedInAUnitThatFailsIsNotKept() {
        String id = UUID.randomUUID().toString();
        InvoiceRunView running = new InvoiceRunView(id, YearMonth.of(2026, 11), "running", STARTED, Optional.empty(),
                2, 0, 0, "scheduler");
        port(InvoiceRuns.class).save(running);

        try {
            inTransaction(() -> {
                port(InvoiceRuns.class).save(new InvoiceRunView(id, YearMonth.of(2026, 11), "running", STARTED, Optional.empty(),
                        2, 1, 1, "scheduler"));
                port(InvoiceRuns.class).remove(id);
                throw new IllegalStateException("rolled back");
            });
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessage("rolled back");
        }

        assertThat(port(InvoiceRuns.class).find(id)).contains(running);
    }
}
