package com.cspdesk.application.metrics.port.out;

import java.time.Duration;

/**
 * The business counters an operator watches (issue #18 item 1): what the desk did, counted where it is
 * decided, kept by whichever meter registry the adapter has (the core knows no metrics library). Each
 * count is of something that committed: {@link com.cspdesk.application.metrics.CountedActivityLog} calls
 * after the record's unit of work committed. Nothing here names a person, a customer or a secret.
 */
public interface BusinessMetrics {

    void orderPlaced();

    /** One cancellation (a whole order or some of its lines) and how many lines it cancelled. */
    void orderCancelled(int lines);

    void creditNoteIssued();

    void productKeyFetched();

    /** Bits sent through a download link: the whole file, or a range of it (a resumed download). */
    void downloadSent(boolean range, long bytes);

    void signInFailed(SignInFailure reason);

    /** A failed sign-in that started a back-off. */
    void signInLockedOut(LockOut scope);

    /** Times one invoice run, from now until the handle is stopped with the run's outcome. */
    Stopwatch invoiceRunStarted();

    /** One webhook delivery attempt and how long the transport took. */
    void webhookAttempted(WebhookAttempt outcome, Duration latency);

    /**
     * A unit of work lost a write conflict to another database node (Galera's certification, or a
     * deadlock): it was run again, or it had used up its tries and the caller got the error.
     */
    void databaseConflict(ConflictOutcome outcome);

    /** What became of a unit of work that lost a write conflict. */
    enum ConflictOutcome {
        /** Rolled back and run again from the start. */
        RETRIED,
        /** Out of tries: the error went to the caller. */
        GAVE_UP
    }

    /** The database was found unreachable (no host answered): requests needing it are refused at once from now on. */
    void databaseUnreachable();

    /** The database answered again after being unreachable for {@code down}. */
    void databaseReachableAgain(Duration down);

    /** Why a sign-in failed. */
    enum SignInFailure {
        /** A wrong password or an unknown username. */
        PASSWORD,
        /** A wrong second-factor code. */
        SECOND_FACTOR,
        /** A service caller's wrong client secret or unknown client id. */
        CLIENT_SECRET,
        /** Refused unchecked: the account, client id or address is in a back-off after failures. */
        THROTTLED
    }

    /** What a back-off holds back: the account (or client id), or the client address. */
    enum LockOut {
        ACCOUNT,
        ADDRESS
    }

    /** How a delivery attempt ended. */
    enum WebhookAttempt {
        /** The receiver answered 2xx. */
        DELIVERED,
        /** The receiver answered something else, or no answer came (no connection, TLS, a refused address). */
        FAILED,
        /** The connection or the answer took longer than the attempt's bound. */
        TIMED_OUT
    }

    /** A running measurement, stopped once. */
    interface Stopwatch {

        void stop(String outcome);
    }
}
