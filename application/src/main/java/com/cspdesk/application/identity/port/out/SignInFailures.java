package com.cspdesk.application.identity.port.out;

import com.cspdesk.domain.identity.FailedSignIns;
import com.cspdesk.domain.identity.Username;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The failed sign-ins of each account, client address and application client id, kept where every instance sees them
 * (so the throttle holds across instances). Never a password: only the lower-cased username or the
 * address, a count and an instant. {@link #recordFailure} joins the caller's transaction.
 */
public interface SignInFailures {

    /** What is counted against the key, if anything. */
    Optional<FailedSignIns> of(Key key);

    /**
     * One more failure at {@code at}, atomically (concurrent failures never lose a count): the count
     * goes up by one, or starts again at 1 when the last failure was at or before {@code forgetBefore};
     * the last failure becomes {@code at}. Answers the count and instant as they now are.
     */
    FailedSignIns recordFailure(Key key, Instant at, Instant forgetBefore);

    /** Forget the key's failures (a successful sign-in of the account). */
    void clear(Key key);

    /** What failures are counted against: an account (its lower-cased username) or a client address. */
    record Key(Kind kind, String value) {

        /** The longest value kept: a username's limit, and more than any IP literal needs. */
        public static final int MAXIMUM_LENGTH = 128;

        public Key {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(value, "value");
            if (value.isEmpty() || value.length() > MAXIMUM_LENGTH) {
                throw new IllegalArgumentException("a sign-in failure key is 1 to 128 characters");
            }
        }

        public static Key account(Username username) {
            return new Key(Kind.ACCOUNT, username.value());
        }

        public static Key address(String clientAddress) {
            return new Key(Kind.ADDRESS, cut(clientAddress));
        }

        /** A registered application's client id, as given in a token request (cut to the longest key). */
        public static Key client(String clientId) {
            return new Key(Kind.CLIENT, cut(clientId));
        }

        private static String cut(String value) {
            return value.length() > MAXIMUM_LENGTH ? value.substring(0, MAXIMUM_LENGTH) : value;
        }
    }

    /** An account, a client address, or a registered application's client id (the token grant's "account"). */
    enum Kind {
        ACCOUNT, ADDRESS, CLIENT
    }
}
