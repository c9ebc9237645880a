package com.cspdesk.adapters.persistence.idempotency;

import com.cspdesk.adapters.persistence.OnMariaDb;
import com.cspdesk.adapters.persistence.testing.LockWaits;
import com.cspdesk.application.idempotency.IdempotentExecution;
import com.cspdesk.application.idempotency.port.in.ExecuteIdempotently;
import com.cspdesk.application.idempotency.port.in.IdempotentRequest;
import com.cspdesk.application.idempotency.port.in.KeptAnswer;
import com.cspdesk.application.idempotency.port.out.IdempotencyRecords;
import com.cspdesk.application.shared.port.out.Transactions;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(startApplication = false, transactional = false)
class IdempotencyRecordsJdbcAdapterTest extends OnMariaDb {

    private static final Instant AT = Instant.parse("2026-11-21T12:00:00.123456Z");
    private static final KeptAnswer CREATED = new KeptAnswer("201\napplication/json\n/v1/x/1\n{\"id\":\"ü\",\n\"big\":\"" + "x".repeat(70_000) + "\"}");

    @Inject
    IdempotencyRecords records;
    @Inject
    Transactions transactions;
    @Inject
    JdbcOperations jdbc;

    @Test
    void claimsOnceThenKeepsTheAnswerAsItWasGiven() {
        IdempotentRequest request = new IdempotentRequest("agent", "key-1", "a".repeat(64));
        assertThat(transactions.inTransaction(() -> records.claim(request, AT))).isTrue();
        assertThat(transactions.inTransaction(() -> records.claim(request, AT))).isFalse();
        assertThat(records.find("agent", "key-1").orElseThrow().answer()).as("claimed, not answered yet").isEmpty();
        transactions.inTransaction(() -> {
            records.complete("agent", "key-1", CREATED);
            return null;
        });

        IdempotencyRecords.Kept kept = records.find("agent", "key-1").orElseThrow();
        assertThat(kept.fingerprint()).isEqualTo("a".repeat(64));
        assertThat(kept.createdAt()).isEqualTo(AT);
        assertThat(kept.answer()).contains(CREATED);
        assertThat(records.find("someone.else", "key-1")).isEmpty();
    }

    @Test
    void concurrentTwinsRunTheActionExactlyOnceAndBothGetTheSameAnswer() throws Exception {
        IdempotentExecution execution = new IdempotentExecution(records, transactions, Clock.fixed(AT, ZoneOffset.UTC));
        IdempotentRequest request = new IdempotentRequest("agent", "race-1", "b".repeat(64));
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ExecuteIdempotently.Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                outcomes.add(pool.submit(() -> execution.execute(request, () -> {
                    runs.incrementAndGet();
                    claimed.countDown();
                    await(release); // hold the claim until every twin is waiting for it
                    return CREATED;
                })));
            }
            assertThat(claimed.await(30, TimeUnit.SECONDS)).isTrue();
            // The seven twins wait on the first's claim (the server shows their row-lock waits) ...
            LockWaits.awaitWaiting(transactions, jdbc, 7);
            release.countDown();
            // ... and, once it commits, replay its answer.
            int executed = 0;
            int replayed = 0;
            for (Future<ExecuteIdempotently.Outcome> outcome : outcomes) {
                ExecuteIdempotently.Outcome result = outcome.get(30, TimeUnit.SECONDS);
                if (result instanceof ExecuteIdempotently.Executed e) {
                    executed++;
                    assertThat(e.answer()).isEqualTo(CREATED);
                } else {
                    assertThat(result).isEqualTo(new ExecuteIdempotently.Replayed(CREATED));
                    replayed++;
                }
            }
            assertThat(runs).hasValue(1);
            assertThat(executed).isEqualTo(1);
            assertThat(replayed).isEqualTo(7);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedActionLeavesNoClaimBehind() {
        IdempotentExecution execution = new IdempotentExecution(records, transactions, Clock.fixed(AT, ZoneOffset.UTC));
        IdempotentRequest request = new IdempotentRequest("agent", "fails-1", "c".repeat(64));
        try {
            execution.execute(request, () -> {
                throw new IllegalStateException("the database went away");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertThat(records.find("agent", "fails-1")).isEmpty();
        assertThat(execution.execute(request, () -> CREATED)).isInstanceOf(ExecuteIdempotently.Executed.class);
    }

    @Test
    void forgetsOnlyRecordsOlderThanTheCutOff() {
        transactions.inTransaction(() -> records.claim(new IdempotentRequest("old", "k", "d".repeat(64)), AT.minusSeconds(3600)));
        transactions.inTransaction(() -> records.claim(new IdempotentRequest("new", "k", "d".repeat(64)), AT));
        int forgotten = transactions.inTransaction(() -> records.forgetOlderThan(AT.minusSeconds(60)));
        assertThat(forgotten).isGreaterThanOrEqualTo(1);
        assertThat(records.find("old", "k")).isEmpty();
        assertThat(records.find("new", "k")).isPresent();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
