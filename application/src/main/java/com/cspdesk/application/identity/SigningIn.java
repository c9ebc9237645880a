package com.cspdesk.application.identity;

import com.cspdesk.application.activity.AdminActs;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.identity.port.in.AuthenticateUser;
import com.cspdesk.application.identity.port.in.AuthenticateUser.SignInOutcome;
import com.cspdesk.application.identity.port.in.AuthenticateUser.Refused;
import com.cspdesk.application.identity.port.in.AuthenticateUser.TooManyAttempts;
import com.cspdesk.application.identity.port.out.PasswordHasher;
import com.cspdesk.application.identity.port.out.SignInFailures;
import com.cspdesk.application.identity.port.out.SignInFailures.Key;
import com.cspdesk.application.identity.port.out.UserAccount;
import com.cspdesk.application.identity.port.out.Users;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.domain.activity.ActivityCatalogue.Resource;
import com.cspdesk.domain.identity.FailedSignIns;
import com.cspdesk.domain.identity.SignInThrottle;
import com.cspdesk.domain.identity.Username;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a username and password against the stored hash, throttled: an account or client address
 * in back-off ({@link SignInThrottle}) gets {@link TooManyAttempts} before any hashing, so a flood
 * costs a read, not a hash — and, once this instance has read that a key is in back-off, not even
 * the read until it ends ({@link RememberedBackOffs}). A failed attempt is counted against both and written to the activity
 * log (and, when it starts a back-off, a lock-out record) in one unit of work; a success clears the
 * account's failures. A user with a second factor then needs a code too ({@link SecondFactorAuthentication}).
 */
public final class SigningIn implements AuthenticateUser {

    /** What the activity log names an attempt by when the name given is no username (it may be a mistyped password). */
    static final String NOT_A_USERNAME = "(not a username)";
    /** At most this many accounts and addresses in back-off remembered by this instance (a few dozen bytes each). */
    static final int REMEMBERED_BACK_OFFS = 10_000;

    private final Users users;
    private final PasswordHasher hasher;
    private final SignInFailures failures;
    private final ActivityLog activityLog;
    private final Transactions transactions;
    private final Clock clock;
    private final RememberedBackOffs backOffs = new RememberedBackOffs(REMEMBERED_BACK_OFFS);
    private final SecondFactorAuthentication secondFactor;
    // Hashing for unknown users too keeps the answer time the same, so timing does not tell
    // which usernames exist.
    private final String decoyHash;

    public SigningIn(Users users, PasswordHasher hasher, SignInFailures failures, ActivityLog activityLog,
                     Transactions transactions, Clock clock, SecondFactorAuthentication secondFactor) {
        this.users = users;
        this.hasher = hasher;
        this.failures = failures;
        this.activityLog = activityLog;
        this.transactions = transactions;
        this.clock = clock;
        this.secondFactor = secondFactor;
        this.decoyHash = hasher.hash("decoy-password-never-matches");
    }

    @Override
    public SignInOutcome signIn(Credentials credentials, Optional<String> clientAddress) {
        Instant now = clock.instant();
        Optional<Username> name = Username.isValid(credentials.username())
                ? Optional.of(new Username(credentials.username())) : Optional.empty();
        Optional<Key> accountKey = name.map(Key::account);
        Optional<String> from = clientAddress.filter(address -> !address.isBlank());
        Optional<Key> addressKey = from.map(Key::address);
        Optional<Duration> remembered = longer(backOffs.remembered(accountKey, now), backOffs.remembered(addressKey, now));
        if (remembered.isPresent()) {
            return new TooManyAttempts(remembered.get());
        }
        Optional<FailedSignIns> accountFailures = accountKey.flatMap(failures::of);
        Optional<Duration> wait = longer(
                backOffs.remember(accountKey, now, SignInThrottle.PER_ACCOUNT.waitBefore(accountFailures, now)),
                backOffs.remember(addressKey, now, SignInThrottle.PER_ADDRESS.waitBefore(addressKey.flatMap(failures::of), now)));
        if (wait.isPresent()) {
            return new TooManyAttempts(wait.get());
        }
        if (credentials.password() == null || name.isEmpty()) {
            hasher.matches("", decoyHash);
            return failed(now, name, accountKey, addressKey, from);
        }
        Optional<UserAccount> account = users.find(name.get());
        boolean matches = hasher.matches(credentials.password(), account.map(UserAccount::passwordHash).orElse(decoyHash));
        if (account.isEmpty() || !matches) {
            return failed(now, name, accountKey, addressKey, from);
        }
        if (accountFailures.isPresent()) {
            failures.clear(accountKey.get());
        }
        // The password matched: the second factor decides what comes next.
        return secondFactor.afterPassword(account.get());
    }

    /** Counts the failure against the account and the address and logs it, with the lock-out it starts, as one unit. */
    private Refused failed(Instant now, Optional<Username> name, Optional<Key> accountKey, Optional<Key> addressKey,
                           Optional<String> clientAddress) {
        String attempted = name.map(Username::value).orElse(NOT_A_USERNAME);
        transactions.inTransaction(() -> {
            Optional<FailedSignIns> account = accountKey.map(key ->
                    failures.recordFailure(key, now, SignInThrottle.PER_ACCOUNT.forgetsBefore(now)));
            Optional<FailedSignIns> address = addressKey.map(key ->
                    failures.recordFailure(key, now, SignInThrottle.PER_ADDRESS.forgetsBefore(now)));
            activityLog.append(AdminActs.entry(now, AdminActs.SIGN_IN, AdminActs.FAILED, attempted, clientAddress, Resource.USER.kind(), attempted,
                    Map.of()));
            account.filter(count -> SignInThrottle.PER_ACCOUNT.locksOutAt(count.count())).ifPresent(count ->
                    activityLog.append(AdminActs.entry(now, AdminActs.SIGN_IN_LOCKED_OUT, AdminActs.FAILED, attempted, clientAddress, Resource.USER.kind(),
                            attempted, lockOut("account", count, SignInThrottle.PER_ACCOUNT))));
            address.filter(count -> SignInThrottle.PER_ADDRESS.locksOutAt(count.count())).ifPresent(count ->
                    activityLog.append(AdminActs.entry(now, AdminActs.SIGN_IN_LOCKED_OUT, AdminActs.FAILED, attempted, clientAddress,
                            Resource.CLIENT_ADDRESS.kind(), addressKey.get().value(), lockOut("address", count, SignInThrottle.PER_ADDRESS))));
            return null;
        });
        return new Refused();
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
