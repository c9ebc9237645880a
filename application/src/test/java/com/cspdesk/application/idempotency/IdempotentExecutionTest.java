package com.cspdesk.application.idempotency;

import com.cspdesk.application.idempotency.port.in.ExecuteIdempotently;
import com.cspdesk.application.idempotency.port.in.IdempotentRequest;
import com.cspdesk.application.idempotency.port.in.KeptAnswer;
import com.cspdesk.application.idempotency.port.out.IdempotencyRecords;
import com.cspdesk.application.shared.port.out.SecretSealing;
import com.cspdesk.application.shared.port.out.Transactions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class IdempotentExecutionTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final IdempotentRequest REQUEST = new IdempotentRequest("agent", "req-1", "sha-a");
    private static final KeptAnswer CREATED = new KeptAnswer("whatever the adapter kept: 201, {\"id\":1}");
    /** The record's scope and key, the associated data that binds a sealed answer to its row. */
    private static final String CONTEXT = "idempotency req-1 agent";
    private static final KeptAnswer SEALED = new KeptAnswer("sealed:AAECAwQF");

    private final IdempotencyRecords records = mock(IdempotencyRecords.class);
    private final SecretSealing sealing = mock(SecretSealing.class);
    private final Transactions transactions = mock(Transactions.class);
    private final AtomicInteger runs = new AtomicInteger();
    private IdempotentExecution execution;

    @BeforeEach
    void setUp() {
        when(transactions.inTransaction(any())).thenAnswer(call -> ((Supplier<?>) call.getArgument(0)).get());
        when(sealing.seal(CREATED.value(), CONTEXT)).thenReturn("AAECAwQF");
        when(sealing.open("AAECAwQF", CONTEXT)).thenReturn(CREATED.value());
        execution = new IdempotentExecution(records, sealing, transactions, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void theFirstRequestRunsAndItsResponseIsKeptSealedToItsScopeAndKey() {
        when(records.claim(REQUEST, NOW)).thenReturn(true);
        var outcome = execution.execute(REQUEST, this::act);
        assertThat(outcome).isEqualTo(new ExecuteIdempotently.Executed(CREATED));
        assertThat(runs).hasValue(1);
        // The caller gets the clear answer; the records only its sealed form.
        verify(records).complete("agent", "req-1", SEALED);
        verify(records, never()).complete(any(), any(), eq(CREATED));
    }

    @Test
    void aRetryWithTheSameBodyReplaysTheOpenedAnswerWithoutRunning() {
        when(records.claim(REQUEST, NOW)).thenReturn(false);
        when(records.find("agent", "req-1")).thenReturn(Optional.of(new IdempotencyRecords.Kept("sha-a", NOW, Optional.of(SEALED))));
        assertThat(execution.execute(REQUEST, this::act)).isEqualTo(new ExecuteIdempotently.Replayed(CREATED));
        assertThat(runs).hasValue(0);
    }

    @Test
    void anAnswerKeptInClearBeforeSealingStillReplaysAsItIs() {
        when(records.claim(REQUEST, NOW)).thenReturn(false);
        when(records.find("agent", "req-1")).thenReturn(Optional.of(new IdempotencyRecords.Kept("sha-a", NOW, Optional.of(CREATED))));
        assertThat(execution.execute(REQUEST, this::act)).isEqualTo(new ExecuteIdempotently.Replayed(CREATED));
        verify(sealing, never()).open(any(), any());
    }

    @Test
    void aSealedAnswerThatDoesNotOpenIsNeverReplayedNorRunAgain() {
        when(records.claim(REQUEST, NOW)).thenReturn(false);
        KeptAnswer altered = new KeptAnswer("sealed:altered");
        when(records.find("agent", "req-1")).thenReturn(Optional.of(new IdempotencyRecords.Kept("sha-a", NOW, Optional.of(altered))));
        when(sealing.open("altered", CONTEXT)).thenThrow(new IllegalStateException("does not open for " + CONTEXT));
        assertThatThrownBy(() -> execution.execute(REQUEST, this::act)).isInstanceOf(IllegalStateException.class);
        assertThat(runs).hasValue(0);
    }

    @Test
    void aRetryWithAnotherBodyIsRefused() {
        when(records.claim(any(), any())).thenReturn(false);
        when(records.find("agent", "req-1")).thenReturn(Optional.of(new IdempotencyRecords.Kept("sha-b", NOW, Optional.of(CREATED))));
        assertThat(execution.execute(REQUEST, this::act)).isInstanceOf(ExecuteIdempotently.KeyReused.class);
        assertThat(runs).hasValue(0);
        verify(records, never()).complete(any(), any(), any());
    }

    @Test
    void aFailingActionKeepsNothingBecauseItThrowsOutOfTheTransaction() {
        when(records.claim(REQUEST, NOW)).thenReturn(true);
        assertThatThrownBy(() -> execution.execute(REQUEST, () -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);
        verify(records, never()).complete(any(), any(), any());
    }

    @Test
    void anActionThatAnswersWithAFailureReleasesItsKeyAndKeepsNothing() {
        when(records.claim(REQUEST, NOW)).thenReturn(true);
        assertThat(execution.execute(REQUEST, Optional::empty)).isEqualTo(new ExecuteIdempotently.Failed());
        verify(records).release("agent", "req-1");
        verify(records, never()).complete(any(), any(), any());
    }

    @Test
    void expiredRecordsAreForgottenAfterRetention() {
        when(records.forgetOlderThan(NOW.minus(IdempotentExecution.RETENTION))).thenReturn(3);
        assertThat(execution.forgetExpired()).isEqualTo(3);
    }

    @Test
    void keysArePrintableAndBounded() {
        assertThat(IdempotentRequest.isValidKey("5f1c0a4e-7f3e-4a0b-9c1d-0e2f3a4b5c6d")).isTrue();
        assertThat(IdempotentRequest.isValidKey("")).isFalse();
        assertThat(IdempotentRequest.isValidKey("has space")).isFalse();
        assertThat(IdempotentRequest.isValidKey("x".repeat(129))).isFalse();
        assertThat(IdempotentRequest.isValidKey(null)).isFalse();
    }

    private Optional<KeptAnswer> act() {
        runs.incrementAndGet();
        return Optional.of(CREATED);
    }
}
