package com.cspdesk.application.identity.port.out;

import com.cspdesk.domain.identity.Username;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The users' second factors (TOTP): the secret sealed, whether the user has confirmed it, the last
 * time step a code was accepted for, the recovery codes' hashes (never the codes), and the open
 * second step of a sign-in. Every "use" is one conditional change, so two requests with the same
 * code cannot both pass. Deleting a user removes its second factor.
 */
public interface SecondFactors {

    Optional<SecondFactor> find(Username username);

    /**
     * Keeps a new, unconfirmed factor with its recovery codes' hashes, replacing an unconfirmed one;
     * false (nothing changed) when the user has a confirmed factor or does not exist.
     */
    boolean enrol(Username username, String sealedSecret, List<String> recoveryCodeHashes, Instant enrolledAt);

    /**
     * Confirms the unconfirmed factor with that sealed secret, the code's step counted as used; false
     * when there is none (confirmed meanwhile, or replaced by a newer enrolment).
     */
    boolean confirm(Username username, String sealedSecret, long usedStep);

    /** Counts {@code step} as used, if it is after the last used one of the confirmed factor; false otherwise. */
    boolean useStep(Username username, long step);

    /** Uses up the recovery code with that hash; false when the user has no (more) such code. */
    boolean useRecoveryCode(Username username, String codeHash);

    int recoveryCodesLeft(Username username);

    /** Opens a second step of a sign-in (the only one open: an earlier one ends), with no attempt made yet. */
    void openChallenge(Username username, String challengeId);

    /**
     * Takes one attempt of the open second step {@code challengeId}; false when it is not open (ended,
     * replaced) or {@code maxAttempts} were taken already.
     */
    boolean takeAttempt(Username username, String challengeId, int maxAttempts);

    /** Ends the second step {@code challengeId}, if it is the open one. */
    void closeChallenge(Username username, String challengeId);

    /** Removes the user's factor and recovery codes; false when there was none. */
    boolean remove(Username username);

    /** A user's second factor. The sealed secret is not printed. */
    record SecondFactor(Username username, String sealedSecret, boolean confirmed, long lastUsedStep, Instant enrolledAt) {
        @Override
        public String toString() {
            return "SecondFactor[username=" + username + ", confirmed=" + confirmed + ", lastUsedStep=" + lastUsedStep
                    + ", enrolledAt=" + enrolledAt + "]";
        }
    }
}
