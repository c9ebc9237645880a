package com.cspdesk.application.identity;

import com.cspdesk.domain.activity.ActivityCatalogue.Resource;
import com.cspdesk.application.activity.AdminActs;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.identity.port.out.SignInFailures;
import com.cspdesk.application.identity.port.out.SignInFailures.Key;
import com.cspdesk.application.metrics.port.out.BusinessMetrics;
import com.cspdesk.application.metrics.port.out.BusinessMetrics.SignInFailure;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.domain.identity.FailedSignIns;
import com.cspdesk.domain.identity.SignInThrottle;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The throttle of every attempt to prove who one is — a user's password, an application's secret —
 * per name ({@link SignInThrottle#PER_ACCOUNT}: the account or the client id) and per client address
 * ({@link SignInThrottle#PER_ADDRESS}, shared by both kinds of attempt). A name or address in back-off
 * is answered before any check, from this instance's memory once read ({@link RememberedBackOffs}); a
 * failed attempt is counted against both and written to the activity log (and, when it starts a
 * back-off, a lock-out record) in one unit of work. An attempt refused for a back-off writes nothing and
 * is counted as a {@link SignInFailure#THROTTLED throttled} sign-in.
 */
final class ThrottledAttempts {

    /** At most this many names and addresses in back-off remembered by this instance (a few dozen bytes each). */
    static final int REMEMBERED_BACK_OFFS = 10_000;

    private final SignInFailures failures;
    private final ActivityLog activityLog;
    private final Transactions transactions;
    private final BusinessMetrics metrics;
    private final RememberedBackOffs backOffs = new RememberedBackOffs(REMEMBERED_BACK_OFFS);

    ThrottledAttempts(SignInFailures failures, ActivityLog activityLog, Transactions transactions, BusinessMetrics metrics) {
        this.failures = failures;
        this.activityLog = activityLog;
        this.transactions = transactions;
        this.metrics = metrics;
    }

    /** Before an attempt: how long it must still wait, or the failures counted against the name so far. */
    record Before(Optional<Duration> backOff, Optional<FailedSignIns> nameFailures) {
    }

    Before before(Optional<Key> name, Optional<Key> address, Instant now) {
        Before before = check(name, address, now);
        before.backOff().ifPresent(wait -> metrics.signInFailed(SignInFailure.THROTTLED));
        return before;
    }

    private Before check(Optional<Key> name, Optional<Key> address, Instant now) {
        Optional<Duration> remembered = longer(backOffs.remembered(name, now), backOffs.remembered(address, now));
        if (remembered.isPresent()) {
            return new Before(remembered, Optional.empty());
        }
        Optional<FailedSignIns> nameFailures = name.flatMap(failures::of);
        Optional<Duration> wait = longer(
                backOffs.remember(name, now, SignInThrottle.PER_ACCOUNT.waitBefore(nameFailures, now)),
                backOffs.remember(address, now, SignInThrottle.PER_ADDRESS.waitBefore(address.flatMap(failures::of), now)));
        return new Before(wait, nameFailures);
    }

    /** After a success: the name's failures are forgotten (read before, so a clean name costs no write). */
    void succeeded(Optional<Key> name, Before before) {
        if (name.isPresent() && before.nameFailures().isPresent()) {
            failures.clear(name.get());
        }
    }

    /**
     * Counts the failure against the name and the address and logs it as {@code operationType} failed for
     * {@code attempted} (a {@code resourceType}), with the lock-out it starts, as one unit.
     */
    void failed(Instant now, Optional<Key> name, Optional<Key> address, Optional<String> clientAddress, String operationType,
                String attempted, String resourceType) {
        transactions.inTransaction(() -> {
            Optional<FailedSignIns> byName = name.map(key ->
                    failures.recordFailure(key, now, SignInThrottle.PER_ACCOUNT.forgetsBefore(now)));
            Optional<FailedSignIns> byAddress = address.map(key ->
                    failures.recordFailure(key, now, SignInThrottle.PER_ADDRESS.forgetsBefore(now)));
            activityLog.append(AdminActs.entry(now, operationType, AdminActs.FAILED, attempted, clientAddress, resourceType,
                    attempted, Map.of()));
            byName.filter(count -> SignInThrottle.PER_ACCOUNT.locksOutAt(count.count())).ifPresent(count ->
                    activityLog.append(AdminActs.entry(now, AdminActs.SIGN_IN_LOCKED_OUT, AdminActs.FAILED, attempted,
                            clientAddress, resourceType, attempted, lockOut("account", count, SignInThrottle.PER_ACCOUNT))));
            byAddress.filter(count -> SignInThrottle.PER_ADDRESS.locksOutAt(count.count())).ifPresent(count ->
                    activityLog.append(AdminActs.entry(now, AdminActs.SIGN_IN_LOCKED_OUT, AdminActs.FAILED, attempted,
                            clientAddress, Resource.CLIENT_ADDRESS.kind(), address.get().value(),
                            lockOut("address", count, SignInThrottle.PER_ADDRESS))));
            return null;
        });
    }

    private static Map<String, String> lockOut(String scope, FailedSignIns count, SignInThrottle throttle) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("scope", scope);
        details.put("failures", String.valueOf(count.count()));
        details.put("backOff", throttle.backOffAfter(count.count()).toString());
        return details;
    }

    private static Optional<Duration> longer(Optional<Duration> one, Optional<Duration> other) {
        if (one.isEmpty()) {
            return other;
        }
        return other.filter(o -> o.compareTo(one.get()) > 0).or(() -> one);
    }
}
