package com.cspdesk.bootstrap.e2e;

import com.cspdesk.application.invoicing.port.out.BackgroundWork;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When too many invoice runs wait already, starting one more answers 503 problem+json with
 * Retry-After, stores no run, and does not spend the request's MS-RequestId: the retry it asks for,
 * with the same id, starts the run.
 */
@MicronautTest(transactional = false)
class InvoiceRunsBusyEndToEndTest extends EndToEnd {

    private static final AtomicBoolean FULL = new AtomicBoolean(true);

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(super.getProperties());
        properties.put("spec.name", "InvoiceRunsBusyEndToEndTest");
        return properties;
    }

    @Override
    boolean invoiceSchedule() {
        return false;
    }

    @Test
    void aFullQueueIs503AndTheRetryWithTheSameRequestIdStartsTheRun() {
        String admin = loginDemo("account.admin@partner.demo");
        String requestId = UUID.randomUUID().toString();

        FULL.set(true);
        Answer busy = send("POST", "/v1/invoices/runs", admin, Map.of("month", "2020-01"),
                "MS-RequestId", requestId, "Accept-Language", "de");
        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.problemCode()).isEqualTo("invoice_runs_busy");
        assertThat(busy.header("Retry-After")).isEqualTo("60");
        assertThat(busy.json().get("title")).isEqualTo("Rechnungsläufe ausgelastet");

        FULL.set(false);
        Answer started = send("POST", "/v1/invoices/runs", admin, Map.of("month", "2020-01"), "MS-RequestId", requestId);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.header("Idempotent-Replayed")).isNull();
        String runId = (String) started.json().get("id");
        assertThat(send("GET", "/v1/invoices/runs/" + runId, admin, null).status()).isEqualTo(200);
        // And now the id is spent: the same request again replays the 202.
        Answer replayed = send("POST", "/v1/invoices/runs", admin, Map.of("month", "2020-01"), "MS-RequestId", requestId);
        assertThat(replayed.status()).isEqualTo(202);
        assertThat(replayed.json().get("id")).isEqualTo(runId);
    }

    /** The product's run thread, full or not as the test says; when not, the run is done in the caller's thread. */
    @Singleton
    @Replaces(BackgroundWork.class)
    @Requires(property = "spec.name", value = "InvoiceRunsBusyEndToEndTest")
    static class SwitchableBackgroundWork implements BackgroundWork {
        @Override
        public boolean submit(Runnable work) {
            if (FULL.get()) {
                return false;
            }
            work.run();
            return true;
        }
    }
}
