package com.cspdesk.application.idempotency.port.in;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * api.md "Idempotency": the same key with the same body gets the first answer again; the same
 * key with another body is refused. The action and the record of its response commit in one
 * transaction, so a crash never leaves an action without its record or the reverse, and two
 * concurrent requests with one key run the action once. Only a success is kept: an action that
 * answers with a failure (a refusal, an error) changed nothing, so its key is released and a retry
 * with it runs again — Partner Center's SDK re-sends a failed request with the same
 * {@code MS-RequestId}, and a caller who corrects a refused body may keep the id.
 */
public interface ExecuteIdempotently {

    /** {@code action} answers what to keep when it succeeded, empty when it failed. */
    Outcome execute(IdempotentRequest request, Supplier<Optional<KeptAnswer>> action);

    sealed interface Outcome {
    }

    /** First time: the action ran and this is its answer, now kept. */
    record Executed(KeptAnswer answer) implements Outcome {
    }

    /** First time, and the action failed: nothing is kept, the key is free for a retry. */
    record Failed() implements Outcome {
    }

    /** Seen before with the same body: the first answer, to be replayed. */
    record Replayed(KeptAnswer answer) implements Outcome {
    }

    /** Seen before with a different body: refused ({@code idempotency_key_reused}). */
    record KeyReused() implements Outcome {
    }
}
