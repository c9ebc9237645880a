package com.cspdesk.contracts;

import com.cspdesk.application.idempotency.IdempotentExecution;
import com.cspdesk.application.idempotency.port.in.ExecuteIdempotently;
import com.cspdesk.application.idempotency.port.in.IdempotentRequest;
import com.cspdesk.application.idempotency.port.in.KeptAnswer;
import com.cspdesk.application.idempotency.port.out.IdempotencyRecords;
import com.cspdesk.application.shared.port.out.SecretSealing;
import com.cspdesk.application.shared.port.out.Transactions;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link IdempotencyRecords} must do: a key is claimed once per scope, the claim belongs
 * to the caller's unit of work (it goes when that unit fails; a twin waits for it), and the first
 * response is kept. Each test uses keys of its own.
 */
public abstract class IdempotencyRecordsContract extends PortContract {

    private static final Instant AT = Instant.parse("2026-11-21T12:00:00.123456Z");
    /** Opaque to the port: kept exactly, line breaks, non-ASCII and a body past 64 KiB included. */
    private static final KeptAnswer CREATED = new KeptAnswer("201\napplication/json\n/v1/x/1\n{\"id\":\"ü\",\n\"big\":\""
            + "x".repeat(70_000) + "\"}");

    @Test
    void claimsOnceThenKeepsTheAnswerAsItWasGiven() {
        String key = key();
        IdempotentRequest request = new IdempotentRequest("agent", key, "a".repeat(64));
        assertThat(inTransaction(() -> port(IdempotencyRecords.class).claim(request, AT))).isTrue();
        assertThat(port(IdempotencyRecords.class).find("agent", key).orElseThrow().answer()).isEmpty();
        assertThat(inTransaction(() -> port(IdempotencyRecords.class).claim(request, AT))).isFalse();
        assertThat(port(IdempotencyRecords.class).claim(new IdempotentRequest("agent", key, "e".repeat(64)), AT)).isFalse();
        inTransaction(() -> {
            port(IdempotencyRecords.class).complete("agent", key, CREATED);
            return null;
        });

        IdempotencyRecords.Kept kept = port(IdempotencyRecords.class).find("agent", key).orElseThrow();
        assertThat(kept.fingerprint()).isEqualTo("a".repeat(64));
        assertThat(kept.createdAt()).isEqualTo(AT);
        assertThat(kept.answer()).contains(CREATED);
        assertThat(port(IdempotencyRecords.class).find("someone.else", key)).isEmpty();
        assertThat(port(IdempotencyRecords.class).claim(new IdempotentRequest("someone.else", key, "a".repeat(64)), AT)).isTrue();
    }

    @Test
    void aClaimInAUnitOfWorkThatFailsIsReleased() {
        IdempotentRequest request = new IdempotentRequest("agent", key(), "f".repeat(64));
        assertThatThrownBy(() -> inTransaction(() -> {
            assertThat(port(IdempotencyRecords.class).claim(request, AT)).isTrue();
            throw new IllegalStateException("the order could not be placed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(port(IdempotencyRecords.class).find("agent", request.key())).isEmpty();
        assertThat(inTransaction(() -> port(IdempotencyRecords.class).claim(request, AT))).isTrue();
    }

    @Test
    void aTwinClaimingWhileTheFirstUnitIsOpenGetsTheOutcomeOfThatUnit() throws Exception {
        // Whether the twin arrives before or after the first unit ends, it must be refused when the
        // first commits and get the key when the first fails: no timing decides the result.
        assertThat(twinClaimWhileFirstHolds(true)).isFalse();
        assertThat(twinClaimWhileFirstHolds(false)).isTrue();
    }

    @Test
    void ofTwinsClaimingOneKeyAtOnceExactlyOneWins() throws Exception {
        IdempotentRequest request = new IdempotentRequest("agent", key(), "9".repeat(64));
        List<Callable<Boolean>> twins = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            twins.add(() -> inTransaction(() -> port(IdempotencyRecords.class).claim(request, AT)));
        }
        assertThat(Concurrently.run(twins)).containsOnlyOnce(true);
    }

    @Test
    void concurrentTwinsRunTheActionExactlyOnceAndBothGetTheSameAnswer() throws Exception {
        IdempotentExecution execution = new IdempotentExecution(port(IdempotencyRecords.class),
                port(SecretSealing.class), port(Transactions.class), Clock.fixed(AT, ZoneOffset.UTC));
        IdempotentRequest request = new IdempotentRequest("agent", key(), "b".repeat(64));
        AtomicInteger runs = new AtomicInteger();
        List<Callable<ExecuteIdempotently.Outcome>> twins = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            twins.add(() -> execution.execute(request, () -> {
                runs.incrementAndGet();
                return Optional.of(CREATED);
            }));
        }

        List<ExecuteIdempotently.Outcome> outcomes = Concurrently.run(twins);

        assertThat(runs).hasValue(1);
        assertThat(outcomes).filteredOn(ExecuteIdempotently.Executed.class::isInstance)
                .containsExactly(new ExecuteIdempotently.Executed(CREATED));
        assertThat(outcomes).filteredOn(o -> !(o instanceof ExecuteIdempotently.Executed))
                .hasSize(7).containsOnly(new ExecuteIdempotently.Replayed(CREATED));
    }

    @Test
    void theExecutionKeepsTheAnswerSealedAndReplaysItClear() {
        IdempotentExecution execution = new IdempotentExecution(port(IdempotencyRecords.class),
                port(SecretSealing.class), port(Transactions.class), Clock.fixed(AT, ZoneOffset.UTC));
        IdempotentRequest request = new IdempotentRequest("agent", key(), "8".repeat(64));
        assertThat(execution.execute(request, () -> Optional.of(CREATED))).isEqualTo(new ExecuteIdempotently.Executed(CREATED));

        String atRest = port(IdempotencyRecords.class).find("agent", request.key()).orElseThrow().answer().orElseThrow().value();
        assertThat(atRest).doesNotContain("/v1/x/1").doesNotContain("\"id\"");
        assertThat(execution.execute(request, () -> Optional.of(CREATED))).isEqualTo(new ExecuteIdempotently.Replayed(CREATED));
    }

    @Test
    void anAnswerKeptInClearBeforeSealingStillReplays() {
        IdempotentRequest request = new IdempotentRequest("agent", key(), "6".repeat(64));
        inTransaction(() -> {
            port(IdempotencyRecords.class).claim(request, AT);
            port(IdempotencyRecords.class).complete("agent", request.key(), CREATED);
            return null;
        });
        IdempotentExecution execution = new IdempotentExecution(port(IdempotencyRecords.class),
                port(SecretSealing.class), port(Transactions.class), Clock.fixed(AT, ZoneOffset.UTC));
        assertThat(execution.execute(request, () -> {
            throw new AssertionError("a kept answer must not run the action again");
        })).isEqualTo(new ExecuteIdempotently.Replayed(CREATED));
    }

    @Test
    void aFailedActionLeavesNoClaimBehind() {
        IdempotentExecution execution = new IdempotentExecution(port(IdempotencyRecords.class),
                port(SecretSealing.class), port(Transactions.class), Clock.fixed(AT, ZoneOffset.UTC));
        IdempotentRequest request = new IdempotentRequest("agent", key(), "c".repeat(64));
        assertThatThrownBy(() -> execution.execute(request, () -> {
            throw new IllegalStateException("the database went away");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(port(IdempotencyRecords.class).find("agent", request.key())).isEmpty();
        assertThat(execution.execute(request, () -> Optional.of(CREATED))).isInstanceOf(ExecuteIdempotently.Executed.class);
    }

    @Test
    void aReleasedClaimIsGoneAndTheKeyCanBeClaimedAgain() {
        IdempotentRequest request = new IdempotentRequest("agent", key(), "9".repeat(64));
        inTransaction(() -> {
            assertThat(port(IdempotencyRecords.class).claim(request, AT)).isTrue();
            port(IdempotencyRecords.class).release("agent", request.key());
            return null;
        });
        assertThat(port(IdempotencyRecords.class).find("agent", request.key())).isEmpty();
        assertThat(inTransaction(() -> port(IdempotencyRecords.class).claim(request, AT))).isTrue();
        // Releasing what nobody holds changes nothing.
        inTransaction(() -> {
            port(IdempotencyRecords.class).release("nobody", request.key());
            return null;
        });
        assertThat(port(IdempotencyRecords.class).find("agent", request.key())).isPresent();
    }

    @Test
    void anActionThatAnswersWithAFailureKeepsNothingSoItsRetryRunsAgain() {
        IdempotentExecution execution = new IdempotentExecution(port(IdempotencyRecords.class),
                port(SecretSealing.class), port(Transactions.class), Clock.fixed(AT, ZoneOffset.UTC));
        IdempotentRequest request = new IdempotentRequest("agent", key(), "7".repeat(64));
        assertThat(execution.execute(request, Optional::empty)).isEqualTo(new ExecuteIdempotently.Failed());
        assertThat(port(IdempotencyRecords.class).find("agent", request.key())).isEmpty();

        // The corrected body may come with the same key: it is a first attempt.
        IdempotentRequest corrected = new IdempotentRequest("agent", request.key(), "5".repeat(64));
        assertThat(execution.execute(corrected, () -> Optional.of(CREATED))).isEqualTo(new ExecuteIdempotently.Executed(CREATED));
        assertThat(execution.execute(corrected, () -> Optional.of(CREATED))).isEqualTo(new ExecuteIdempotently.Replayed(CREATED));
    }

    @Test
    void forgetsOnlyRecordsOlderThanTheCutOff() {
        String key = key();
        inTransaction(() -> port(IdempotencyRecords.class).claim(new IdempotentRequest("old", key, "d".repeat(64)),
                AT.minusSeconds(3600)));
        inTransaction(() -> port(IdempotencyRecords.class).claim(new IdempotentRequest("new", key, "d".repeat(64)), AT));
        int forgotten = inTransaction(() -> port(IdempotencyRecords.class).forgetOlderThan(AT.minusSeconds(60)));
        assertThat(forgotten).isGreaterThanOrEqualTo(1);
        assertThat(port(IdempotencyRecords.class).find("old", key)).isEmpty();
        assertThat(port(IdempotencyRecords.class).find("new", key)).isPresent();
    }

    /** A first unit claims and waits until the twin's thread is running, then commits or fails. */
    private boolean twinClaimWhileFirstHolds(boolean firstCommits) throws Exception {
        IdempotentRequest request = new IdempotentRequest("agent", key(), "7".repeat(64));
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch twinStarted = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> {
                try {
                    return inTransaction(() -> {
                        boolean won = port(IdempotencyRecords.class).claim(request, AT);
                        claimed.countDown();
                        Latches.await(twinStarted);
                        if (!firstCommits) {
                            throw new FirstFailed();
                        }
                        return won;
                    });
                } catch (FirstFailed failed) {
                    return false;
                }
            }, threads);
            Latches.await(claimed);
            CompletableFuture<Boolean> twin = CompletableFuture.supplyAsync(() -> {
                twinStarted.countDown();
                return inTransaction(() -> port(IdempotencyRecords.class).claim(request, AT));
            }, threads);
            assertThat(first.get(60, TimeUnit.SECONDS)).isEqualTo(firstCommits);
            return twin.get(60, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
    }

    private static final class FirstFailed extends RuntimeException {
        FirstFailed() {
            super("the first request failed");
        }
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
