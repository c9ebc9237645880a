package com.cspdesk.application.idempotency;

import com.cspdesk.application.idempotency.port.in.ExecuteIdempotently;
import com.cspdesk.application.idempotency.port.in.IdempotentRequest;
import com.cspdesk.application.idempotency.port.in.KeptAnswer;
import com.cspdesk.application.idempotency.port.out.IdempotencyRecords;
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
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class IdempotentExecutionTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final IdempotentRequest REQUEST = new IdempotentRequest("agent", "req-1", "sha-a");
    private static final KeptAnswer CREATED = new KeptAnswer("whatever the adapter kept: 201, {\"id\":1}");

    private final IdempotencyRecords records = mock(IdempotencyRecords.class);
    private final Transactions transactions = mock(Transactions.class);
    private final AtomicInteger runs = new AtomicInteger();
    private IdempotentExecution execution;

    @BeforeEach
    void setUp() {
        when(transactions.inTransaction(any())).thenAnswer(call -> ((Supplier<?>) call.getArgument(0)).get());
        execution = new IdempotentExecution(records, transactions, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void theFirstRequestRunsAndItsResponseIsKept() {
        when(records.claim(REQUEST, NOW)).thenReturn(true);
        var outcome = execution.execute(REQUEST, this::act);
        assertThat(outcome).isEqualTo(new ExecuteIdempotently.Executed(CREATED));
        assertThat(runs).hasValue(1);
        verify(records).complete("agent", "req-1", CREATED);
    }

    @Test
    void aRetryWithTheSameBodyReplaysWithoutRunning() {
        when(records.claim(REQUEST, NOW)).thenReturn(false);
        when(records.find("agent", "req-1")).thenReturn(Optional.of(new IdempotencyRecords.Kept("sha-a", NOW, Optional.of(CREATED))));
        assertThat(execution.execute(REQUEST, this::act)).isEqualTo(new ExecuteIdempotently.Replayed(CREATED));
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

    private KeptAnswer act() {
        runs.incrementAndGet();
        return CREATED;
    }
}
