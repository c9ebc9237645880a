package com.cspdesk.application.idempotency;

import com.cspdesk.application.idempotency.port.in.ExecuteIdempotently;
import com.cspdesk.application.idempotency.port.in.IdempotentRequest;
import com.cspdesk.application.idempotency.port.in.KeptAnswer;
import com.cspdesk.application.idempotency.port.out.IdempotencyRecords;
import com.cspdesk.application.shared.port.out.SecretSealing;
import com.cspdesk.application.shared.port.out.Transactions;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs a state-changing action at most once per caller and idempotency key. The kept answer is sealed
 * at rest (a download link's answer holds the link itself, a credential), bound to its scope and key.
 */
public final class IdempotentExecution implements ExecuteIdempotently {

    /** api.md: keys are kept at least 24 hours; a little more forgives clock skew of retries. */
    public static final Duration RETENTION = Duration.ofHours(48);

    /**
     * Marks a sealed answer. Answers kept before sealing (at most {@link #RETENTION} old) lack it and
     * replay as they are; no adapter's answer starts with it (the web adapter's start with the status).
     */
    static final String SEALED = "sealed:";

    private final IdempotencyRecords records;
    private final SecretSealing sealing;
    private final Transactions transactions;
    private final Clock clock;

    public IdempotentExecution(IdempotencyRecords records, SecretSealing sealing, Transactions transactions, Clock clock) {
        this.records = records;
        this.sealing = sealing;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Outcome execute(IdempotentRequest request, Supplier<Optional<KeptAnswer>> action) {
        return transactions.inTransaction(() -> {
            // Claim first: a concurrent twin blocks here until the first commits, then finds it.
            if (!records.claim(request, clock.instant())) {
                return replay(request);
            }
            Optional<KeptAnswer> answer = action.get();
            if (answer.isEmpty()) {
                records.release(request.scope(), request.key());
                return new Failed();
            }
            records.complete(request.scope(), request.key(), seal(request, answer.get()));
            return new Executed(answer.get());
        });
    }

    /** Deletes records past retention; the scheduler calls this. */
    public int forgetExpired() {
        return transactions.inTransaction(() -> records.forgetOlderThan(clock.instant().minus(RETENTION)));
    }

    private Outcome replay(IdempotentRequest request) {
        IdempotencyRecords.Kept kept = records.find(request.scope(), request.key())
                .orElseThrow(() -> new IllegalStateException("An idempotency key was taken but is not readable"));
        if (!kept.fingerprint().equals(request.fingerprint())) {
            return new KeyReused();
        }
        return kept.answer().<Outcome>map(answer -> new Replayed(open(request, answer)))
                .orElseThrow(() -> new IllegalStateException("An idempotency key was committed without its answer"));
    }

    private KeptAnswer seal(IdempotentRequest request, KeptAnswer answer) {
        return new KeptAnswer(SEALED + sealing.seal(answer.value(), context(request)));
    }

    private KeptAnswer open(IdempotentRequest request, KeptAnswer kept) {
        if (!kept.value().startsWith(SEALED)) {
            return kept;
        }
        return new KeptAnswer(sealing.open(kept.value().substring(SEALED.length()), context(request)));
    }

    /** Keys hold no spaces, so key then scope cannot be read two ways: a sealed answer opens only in its own row. */
    private static String context(IdempotentRequest request) {
        return "idempotency " + request.key() + " " + request.scope();
    }
}
