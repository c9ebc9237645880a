package com.cspdesk.adapters.persistence.invoicing;

import com.cspdesk.adapters.persistence.OnMariaDb;
import com.cspdesk.application.invoicing.port.in.InvoiceViews.InvoiceRunView;
import com.cspdesk.application.invoicing.port.out.InvoiceRuns;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(startApplication = false, transactional = false)
class InvoiceRunsJdbcAdapterTest extends OnMariaDb {

    @Inject
    InvoiceRuns runs;

    @Test
    void aRunIsSavedWhenItStartsAndOverwrittenAsItProgresses() {
        String id = UUID.randomUUID().toString();
        Instant started = Instant.parse("2026-12-01T00:05:00.123456Z");
        InvoiceRunView running = new InvoiceRunView(id, YearMonth.of(2026, 11), "running", started, Optional.empty(),
                0, 0, 0, "admin.agent@partner.demo");
        runs.save(running);
        assertThat(runs.find(id)).contains(running);

        InvoiceRunView progress = new InvoiceRunView(id, YearMonth.of(2026, 11), "running", started, Optional.empty(),
                3, 1, 1, "admin.agent@partner.demo");
        runs.save(progress);
        assertThat(runs.find(id)).contains(progress);

        InvoiceRunView done = new InvoiceRunView(id, YearMonth.of(2026, 11), "completed", started,
                Optional.of(Instant.parse("2026-12-01T00:05:09.000001Z")), 3, 3, 2, "admin.agent@partner.demo");
        runs.save(done);
        assertThat(runs.find(id)).contains(done);
        assertThat(runs.find("no-such-run")).isEmpty();

        runs.remove(id);
        assertThat(runs.find(id)).isEmpty();
        runs.remove(id);
    }
}
