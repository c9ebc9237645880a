package com.cspdesk.application.idempotency.port.in;

import java.util.function.Supplier;

/**
 * api.md "Idempotency": the same key with the same body gets the first answer again; the same
 * key with another body is refused. The action and the record of its response commit in one
 * transaction, so a crash never leaves an action without its record or the reverse, and two
 * concurrent requests with one key run the action once.
 */
public interface ExecuteIdempotently {

    Outcome execute(IdempotentRequest request, Supplier<KeptAnswer> action);

    sealed interface Outcome {
    }

    /** First time: the action ran and this is its answer, now kept. */
    record Executed(KeptAnswer answer) implements Outcome {
    }

    /** Seen before with the same body: the first answer, to be replayed. */
    record Replayed(KeptAnswer answer) implements Outcome {
    }

    /** Seen before with a different body: refused ({@code idempotency_key_reused}). */
    record KeyReused() implements Outcome {
    }
}
