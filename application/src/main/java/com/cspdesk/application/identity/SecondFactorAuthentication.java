package com.cspdesk.application.identity;

import com.cspdesk.application.activity.AdminActs;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.identity.port.in.AuthenticateUser.MfaRequired;
import com.cspdesk.application.identity.port.in.AuthenticateUser.SignInOutcome;
import com.cspdesk.application.identity.port.in.AuthenticateUser.SignedIn;
import com.cspdesk.application.identity.port.in.CompleteSignIn;
import com.cspdesk.application.identity.port.in.ConfirmSecondFactor;
import com.cspdesk.application.identity.port.in.EnrolSecondFactor;
import com.cspdesk.application.identity.port.in.ResetSecondFactor;
import com.cspdesk.application.identity.port.in.SignedInUser;
import com.cspdesk.application.identity.port.in.ViewSecondFactor;
import com.cspdesk.application.identity.port.out.SecondFactors;
import com.cspdesk.application.identity.port.out.SecondFactors.SecondFactor;
import com.cspdesk.application.identity.port.out.TotpCodes;
import com.cspdesk.application.identity.port.out.UserAccount;
import com.cspdesk.application.identity.port.out.Users;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.application.shared.port.out.SecretSealing;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.domain.activity.ActivityCatalogue.Resource;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.activity.ActivityEntry;
import com.cspdesk.domain.identity.SecondFactorChallenge;
import com.cspdesk.domain.identity.SecondFactorCodes;
import com.cspdesk.domain.identity.SecondFactorRequirement;
import com.cspdesk.domain.identity.TotpSteps;
import com.cspdesk.domain.identity.Username;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Multi-factor sign-in with TOTP (RFC 6238): enrolling and confirming one's own authenticator,
 * the second step of a sign-in, and an admin's reset. The secret is kept sealed ({@link SecretSealing},
 * bound to its user), the recovery codes only as hashes. The {@code mfaToken} of the second step is
 * sealed too (user, session generation, end, challenge id): it cannot be forged or read, it is no access
 * token, and the challenge it names is kept with the factor, which bounds its attempts and ends it once used.
 * <p>
 * Codes are checked against real time ({@code realTime}), as the authenticator app keeps it, not the
 * sandbox's clock; the activity log's records are dated by the product's {@code clock} like all others.
 */
public final class SecondFactorAuthentication
        implements EnrolSecondFactor, ConfirmSecondFactor, CompleteSignIn, ResetSecondFactor, ViewSecondFactor {

    /** The name authenticator apps show above the account. */
    public static final String ISSUER = "CSP Software Desk";
    private static final String TOKEN_CONTEXT = "mfa-sign-in";
    private static final String SECRET_CONTEXT = "totp-secret:";
    static final String USER = Resource.USER.kind();

    private final SecondFactors secondFactors;
    private final Users users;
    private final TotpCodes totp;
    private final SecretSealing sealing;
    private final Transactions transactions;
    private final ActivityLog activityLog;
    private final Sessions sessions;
    private final SecondFactorRequirement requirement;
    private final Clock clock;
    private final Clock realTime;

    public SecondFactorAuthentication(SecondFactors secondFactors, Users users, TotpCodes totp, SecretSealing sealing,
                                      Transactions transactions, ActivityLog activityLog, Sessions sessions,
                                      SecondFactorRequirement requirement, Clock clock, Clock realTime) {
        this.secondFactors = secondFactors;
        this.users = users;
        this.totp = totp;
        this.sealing = sealing;
        this.transactions = transactions;
        this.activityLog = activityLog;
        this.sessions = sessions;
        this.requirement = requirement;
        this.clock = clock;
        this.realTime = realTime;
    }

    /**
     * What a password that matched gets: the second step for a user with a confirmed factor, else the
     * token — one that may only enrol when the user's roles must have a factor.
     */
    SignInOutcome afterPassword(UserAccount account) {
        Optional<SecondFactor> factor = secondFactors.find(account.username());
        if (factor.isPresent() && factor.get().confirmed()) {
            String challengeId = UUID.randomUUID().toString();
            secondFactors.openChallenge(account.username(), challengeId);
            Instant endsAt = SecondFactorChallenge.endsAt(realTime.instant());
            String token = new ChallengeToken(account.username().value(), account.sessionGeneration(),
                    endsAt.toEpochMilli(), challengeId).text();
            return new MfaRequired(sealing.seal(token, TOKEN_CONTEXT));
        }
        return new SignedIn(new SignedInUser(account.username(), account.roles(), account.customerTenantId(),
                account.sessionGeneration(), requirement.appliesTo(account.roles())));
    }

    @Override
    public EnrolOutcome enrol(Actor actor) {
        if (!actor.may(Permission.MANAGE_OWN_MFA)) {
            return new EnrolSecondFactor.NotPermitted(Permission.MANAGE_OWN_MFA);
        }
        Username user = new Username(actor.username());
        if (secondFactors.find(user).filter(SecondFactor::confirmed).isPresent()) {
            return new AlreadyEnrolled();
        }
        String secret = totp.newSecret();
        List<String> codes = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < SecondFactorCodes.RECOVERY_CODES; i++) {
            String code = totp.newRecoveryCode();
            codes.add(SecondFactorCodes.shown(code));
            hashes.add(totp.recoveryCodeHash(code));
        }
        if (!secondFactors.enrol(user, sealing.seal(secret, SECRET_CONTEXT + user.value()), hashes, clock.instant())) {
            return new AlreadyEnrolled();
        }
        return new Enrolment(secret, totp.otpauthUri(ISSUER, user.value(), secret), codes);
    }

    @Override
    public ConfirmOutcome confirm(Actor actor, String code) {
        if (!actor.may(Permission.MANAGE_OWN_MFA)) {
            return new ConfirmSecondFactor.NotPermitted(Permission.MANAGE_OWN_MFA);
        }
        Username user = new Username(actor.username());
        Optional<SecondFactor> pending = secondFactors.find(user).filter(f -> !f.confirmed());
        if (pending.isEmpty()) {
            return new NothingToConfirm();
        }
        Optional<SecondFactorCodes.Entered> entered = SecondFactorCodes.read(code).filter(e -> !e.recovery());
        OptionalLong step = entered.isEmpty() ? OptionalLong.empty()
                : matchingStep(pending.get(), entered.get().compact(), TotpSteps.NONE_USED);
        if (step.isEmpty()) {
            return new ConfirmSecondFactor.WrongCode();
        }
        // Every session open so far signed in without the second factor (or could only enrol): they end.
        return changeEndingSessions(actor, user, AdminActs.ENROL_MFA,
                () -> secondFactors.confirm(user, pending.get().sealedSecret(), step.getAsLong()))
                ? new Confirmed() : new NothingToConfirm();
    }

    @Override
    public SecondStepOutcome complete(String mfaToken, String code, Optional<String> clientAddress) {
        Optional<ChallengeToken> token = open(mfaToken)
                .filter(t -> SecondFactorChallenge.openAt(Instant.ofEpochMilli(t.endsAtMillis()), realTime.instant()));
        if (token.isEmpty()) {
            return new ChallengeEnded();
        }
        Username user = new Username(token.get().username());
        Optional<UserAccount> account = users.find(user).filter(a -> a.sessionGeneration() == token.get().sessionGeneration());
        Optional<SecondFactor> factor = secondFactors.find(user).filter(SecondFactor::confirmed);
        if (account.isEmpty() || factor.isEmpty()) {
            return new ChallengeEnded();
        }
        Optional<SecondFactorCodes.Entered> entered = SecondFactorCodes.read(code);
        return transactions.inTransaction(() -> {
            if (!secondFactors.takeAttempt(user, token.get().challengeId(), SecondFactorChallenge.MAX_ATTEMPTS)) {
                return new ChallengeEnded();
            }
            Optional<String> usedWith = entered.flatMap(e -> use(user, factor.get(), e));
            if (usedWith.isEmpty()) {
                activityLog.append(AdminActs.entry(clock.instant(), AdminActs.SIGN_IN, AdminActs.FAILED, user.value(), clientAddress,
                        USER, user.value(), Map.of("detail", "mfa")));
                return new CompleteSignIn.WrongCode();
            }
            secondFactors.closeChallenge(user, token.get().challengeId());
            UserAccount a = account.get();
            return new Passed(new SignedInUser(a.username(), a.roles(), a.customerTenantId(), a.sessionGeneration()));
        });
    }

    /** Uses the code up; what it was ("totp" or "recovery_code") when it was acceptable. */
    private Optional<String> use(Username user, SecondFactor factor, SecondFactorCodes.Entered entered) {
        if (entered.recovery()) {
            return secondFactors.useRecoveryCode(user, totp.recoveryCodeHash(entered.compact()))
                    ? Optional.of("recovery_code") : Optional.empty();
        }
        OptionalLong step = matchingStep(factor, entered.compact(), factor.lastUsedStep());
        return step.isPresent() && secondFactors.useStep(user, step.getAsLong()) ? Optional.of("totp") : Optional.empty();
    }

    @Override
    public ResetOutcome reset(Actor actor, String username) {
        if (!actor.may(Permission.RESET_MFA)) {
            return new ResetSecondFactor.NotPermitted(Permission.RESET_MFA);
        }
        if (!Username.isValid(username)) {
            return new NotFound();
        }
        Username user = new Username(username);
        return changeEndingSessions(actor, user, AdminActs.RESET_MFA, () -> secondFactors.remove(user)) ? new Reset() : new NotFound();
    }

    /**
     * Makes the change to the user's factor and, if it was made, ends the user's sessions and logs the
     * actor's act, all in one unit of work; whether it was made.
     */
    private boolean changeEndingSessions(Actor actor, Username user, String operationType, BooleanSupplier change) {
        boolean changed = transactions.inTransaction(() -> {
            if (!change.getAsBoolean()) {
                return false;
            }
            users.endSessions(user);
            activityLog.append(AdminActs.by(actor, clock.instant(), operationType, USER, user.value(), Map.of("factor", "totp")));
            return true;
        });
        if (changed) {
            // After the commit: this instance refuses the user's earlier tokens from the next request on.
            sessions.forget(user);
        }
        return changed;
    }

    @Override
    public Lookup<SecondFactorStatus> status(Actor actor) {
        if (!actor.may(Permission.MANAGE_OWN_MFA)) {
            return Lookup.notPermitted(Permission.MANAGE_OWN_MFA);
        }
        Username user = new Username(actor.username());
        boolean enrolled = secondFactors.find(user).filter(SecondFactor::confirmed).isPresent();
        return Lookup.found(new SecondFactorStatus(enrolled, requirement.appliesTo(actor.roles()),
                enrolled ? secondFactors.recoveryCodesLeft(user) : 0));
    }

    /** The step, among those acceptable now and after {@code lastUsedStep}, whose code this is. */
    private OptionalLong matchingStep(SecondFactor factor, String code, long lastUsedStep) {
        String secret = sealing.open(factor.sealedSecret(), SECRET_CONTEXT + factor.username().value());
        byte[] typed = code.getBytes(StandardCharsets.US_ASCII);
        OptionalLong match = OptionalLong.empty();
        for (long step : TotpSteps.acceptable(realTime.instant(), lastUsedStep)) {
            // Every candidate is compared, in constant time, so the answer's time says nothing of which.
            boolean equal = MessageDigest.isEqual(totp.codeAt(secret, step).getBytes(StandardCharsets.US_ASCII), typed);
            if (equal && match.isEmpty()) {
                match = OptionalLong.of(step);
            }
        }
        return match;
    }

    private Optional<ChallengeToken> open(String mfaToken) {
        if (mfaToken == null || mfaToken.isBlank() || mfaToken.length() > 1024) {
            return Optional.empty();
        }
        try {
            return ChallengeToken.parse(sealing.open(mfaToken.strip(), TOKEN_CONTEXT));
        } catch (IllegalStateException forged) {
            return Optional.empty();
        }
    }

    /** What the sealed {@code mfaToken} holds. */
    private record ChallengeToken(String username, long sessionGeneration, long endsAtMillis, String challengeId) {

        String text() {
            return username + "\n" + sessionGeneration + "\n" + endsAtMillis + "\n" + challengeId;
        }

        static Optional<ChallengeToken> parse(String text) {
            String[] parts = text.split("\n", -1);
            if (parts.length != 4 || !Username.isValid(parts[0])) {
                return Optional.empty();
            }
            try {
                return Optional.of(new ChallengeToken(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2]), parts[3]));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }
}
