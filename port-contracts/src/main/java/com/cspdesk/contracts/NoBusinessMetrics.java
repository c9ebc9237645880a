package com.cspdesk.contracts;

import com.cspdesk.application.metrics.port.out.BusinessMetrics;

import java.time.Duration;

/**
 * Business counters that count nothing: for contracts that run a use case whose counting is not theirs to check,
 * and the base of a test's counter that counts only what it checks.
 */
public class NoBusinessMetrics implements BusinessMetrics {

    @Override
    public void orderPlaced() {
    }

    @Override
    public void orderCancelled(int lines) {
    }

    @Override
    public void creditNoteIssued() {
    }

    @Override
    public void productKeyFetched() {
    }

    @Override
    public void downloadSent(boolean range, long bytes) {
    }

    @Override
    public void signInFailed(SignInFailure reason) {
    }

    @Override
    public void signInLockedOut(LockOut scope) {
    }

    @Override
    public Stopwatch invoiceRunStarted() {
        return outcome -> {
        };
    }

    @Override
    public void webhookAttempted(WebhookAttempt outcome, Duration latency) {
    }

    @Override
    public void databaseConflict(ConflictOutcome outcome) {
    }

    @Override
    public void databaseUnreachable() {
    }

    @Override
    public void databaseReachableAgain(Duration down) {
    }
}
