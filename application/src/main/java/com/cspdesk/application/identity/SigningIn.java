package com.cspdesk.application.identity;

import com.cspdesk.domain.activity.ActivityCatalogue.Resource;
import com.cspdesk.application.activity.AdminActs;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.identity.port.in.AuthenticateUser;
import com.cspdesk.application.identity.port.in.AuthenticateUser.SignInOutcome;
import com.cspdesk.application.identity.port.in.AuthenticateUser.Refused;
import com.cspdesk.application.identity.port.in.AuthenticateUser.TooManyAttempts;
import com.cspdesk.application.metrics.port.out.BusinessMetrics;
import com.cspdesk.application.identity.port.out.PasswordHasher;
import com.cspdesk.application.identity.port.out.SignInFailures;
import com.cspdesk.application.identity.port.out.SignInFailures.Key;
import com.cspdesk.application.identity.port.out.UserAccount;
import com.cspdesk.application.identity.port.out.Users;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.domain.identity.Username;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks a username and password against the stored hash, throttled: an account or client address
 * in back-off ({@link com.cspdesk.domain.identity.SignInThrottle}) gets {@link TooManyAttempts} before any hashing, so a flood
 * costs a read, not a hash — and, once this instance has read that a key is in back-off, not even
 * the read until it ends ({@link ThrottledAttempts}, shared with the applications' token grant). A failed
 * attempt is counted against both and written to the activity log (and, when it starts a back-off, a
 * lock-out record) in one unit of work; a success clears the account's failures. A user with a second factor then needs a code too ({@link SecondFactorAuthentication}).
 */
public final class SigningIn implements AuthenticateUser {

    /** What the activity log names an attempt by when the name given is no username (it may be a mistyped password). */
    static final String NOT_A_USERNAME = "(not a username)";
    private final Users users;
    private final PasswordHasher hasher;
    private final ThrottledAttempts throttle;
    private final Clock clock;
    private final SecondFactorAuthentication secondFactor;
    // Hashing for unknown users too keeps the answer time the same, so timing does not tell
    // which usernames exist. Made by the first attempt that gets past the back-off (whichever its
    // username), not at start-up: a hash costs start-up its time and Argon2's 19 MiB (issue #18).
    private volatile String decoyHash;

    public SigningIn(Users users, PasswordHasher hasher, SignInFailures failures, ActivityLog activityLog,
                     Transactions transactions, Clock clock, SecondFactorAuthentication secondFactor, BusinessMetrics metrics) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = new ThrottledAttempts(failures, activityLog, transactions, metrics);
        this.clock = clock;
        this.secondFactor = secondFactor;
    }

    private String decoyHash() {
        String made = decoyHash;
        if (made == null) {
            synchronized (this) {
                made = decoyHash;
                if (made == null) {
                    made = hasher.hash("decoy-password-never-matches");
                    decoyHash = made;
                }
            }
        }
        return made;
    }

    @Override
    public SignInOutcome signIn(Credentials credentials, Optional<String> clientAddress) {
        Instant now = clock.instant();
        Optional<Username> name = Username.isValid(credentials.username())
                ? Optional.of(new Username(credentials.username())) : Optional.empty();
        Optional<Key> accountKey = name.map(Key::account);
        Optional<String> from = clientAddress.filter(address -> !address.isBlank());
        Optional<Key> addressKey = from.map(Key::address);
        ThrottledAttempts.Before before = throttle.before(accountKey, addressKey, now);
        if (before.backOff().isPresent()) {
            return new TooManyAttempts(before.backOff().get());
        }
        String decoy = decoyHash();
        String attempted = name.map(Username::value).orElse(NOT_A_USERNAME);
        if (credentials.password() == null || name.isEmpty()) {
            hasher.matches("", decoy);
            throttle.failed(now, accountKey, addressKey, from, AdminActs.SIGN_IN, attempted, Resource.USER.kind());
            return new Refused();
        }
        Optional<UserAccount> account = users.find(name.get());
        boolean matches = hasher.matches(credentials.password(), account.map(UserAccount::passwordHash).orElse(decoy));
        if (account.isEmpty() || !matches) {
            throttle.failed(now, accountKey, addressKey, from, AdminActs.SIGN_IN, attempted, Resource.USER.kind());
            return new Refused();
        }
        throttle.succeeded(accountKey, before);
        // The password matched: the second factor decides what comes next.
        return secondFactor.afterPassword(account.get());
    }
}
