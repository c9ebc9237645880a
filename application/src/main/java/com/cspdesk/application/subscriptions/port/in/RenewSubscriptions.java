package com.cspdesk.application.subscriptions.port.in;

/**
 * The renewal job: every active subscription whose term has ended is renewed (auto-renew on: the next
 * term and its charge) or expires (keys and links revoked), term by term, each transition once however
 * many instances run it at the same time. Run on a schedule and, in the sandbox, after the clock moves.
 */
public interface RenewSubscriptions {

    /** Answers how many transitions (renewals and expiries) this call made. */
    int renewDue();
}
