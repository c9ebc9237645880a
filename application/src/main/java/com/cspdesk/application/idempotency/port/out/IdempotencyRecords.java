package com.cspdesk.application.idempotency.port.out;

import com.cspdesk.application.idempotency.port.in.IdempotentRequest;
import com.cspdesk.application.idempotency.port.in.KeptAnswer;

import java.time.Instant;
import java.util.Optional;

/** The kept first answers, by caller and key. */
public interface IdempotencyRecords {

    /**
     * Claims the key inside the current transaction. False when it is already taken; when another
     * transaction holds it uncommitted this waits for that one to finish first.
     */
    boolean claim(IdempotentRequest request, Instant at);

    Optional<Kept> find(String scope, String key);

    void complete(String scope, String key, KeptAnswer answer);

    /**
     * Gives a claimed key back inside the current transaction (its record goes): the action failed
     * and changed nothing, so a retry with that key is a first attempt again.
     */
    void release(String scope, String key);

    /** Forgets records older than the given instant; answers how many. */
    int forgetOlderThan(Instant before);

    /** {@code answer} is empty while the claiming transaction has not completed it. */
    record Kept(String fingerprint, Instant createdAt, Optional<KeptAnswer> answer) {
    }
}
