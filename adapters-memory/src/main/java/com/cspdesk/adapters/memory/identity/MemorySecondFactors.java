package com.cspdesk.adapters.memory.identity;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.identity.port.out.SecondFactors;
import com.cspdesk.domain.identity.TotpSteps;
import com.cspdesk.domain.identity.Username;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The second factors by username, each an immutable {@link Stored} replaced whole (so a change is
 * taken back by putting the one before back). The conditions the JDBC adapter writes into its
 * statements are checked here inside the one unit of work that runs at a time. {@link MemoryUsers}
 * removes a deleted user's factor.
 */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
class MemorySecondFactors implements SecondFactors {

    private final MemoryTransactions transactions;
    private final MemoryUsers users;
    private final Map<String, Stored> byUsername = new HashMap<>();

    MemorySecondFactors(MemoryTransactions transactions, MemoryUsers users) {
        this.transactions = transactions;
        this.users = users;
        users.onRemove(this::removedWithUser);
    }

    @Override
    public Optional<SecondFactor> find(Username username) {
        return transactions.read(() -> Optional.ofNullable(byUsername.get(username.value())).map(Stored::factor));
    }

    @Override
    public boolean enrol(Username username, String sealedSecret, List<String> recoveryCodeHashes, Instant enrolledAt) {
        return transactions.inTransaction(() -> {
            Stored before = byUsername.get(username.value());
            if (users.find(username).isEmpty() || (before != null && before.factor().confirmed())) {
                return false;
            }
            Stored after = new Stored(new SecondFactor(username, sealedSecret, false, TotpSteps.NONE_USED, enrolledAt),
                    Set.copyOf(recoveryCodeHashes), null, 0);
            return put(username.value(), before, after);
        });
    }

    @Override
    public boolean confirm(Username username, String sealedSecret, long usedStep) {
        return change(username, s -> !s.factor().confirmed() && s.factor().sealedSecret().equals(sealedSecret)
                ? s.withFactor(new SecondFactor(username, sealedSecret, true, usedStep, s.factor().enrolledAt())) : null);
    }

    @Override
    public boolean useStep(Username username, long step) {
        return change(username, s -> s.factor().confirmed() && s.factor().lastUsedStep() < step
                ? s.withFactor(new SecondFactor(username, s.factor().sealedSecret(), true, step, s.factor().enrolledAt()))
                : null);
    }

    @Override
    public boolean useRecoveryCode(Username username, String codeHash) {
        return change(username, s -> {
            if (!s.factor().confirmed() || !s.codeHashes().contains(codeHash)) {
                return null;
            }
            return new Stored(s.factor(), s.codeHashes().stream().filter(h -> !h.equals(codeHash))
                    .collect(Collectors.toUnmodifiableSet()), s.challengeId(), s.attempts());
        });
    }

    @Override
    public int recoveryCodesLeft(Username username) {
        return transactions.read(() -> Optional.ofNullable(byUsername.get(username.value()))
                .map(s -> s.codeHashes().size()).orElse(0));
    }

    @Override
    public void openChallenge(Username username, String challengeId) {
        change(username, s -> s.factor().confirmed() ? new Stored(s.factor(), s.codeHashes(), challengeId, 0) : null);
    }

    @Override
    public boolean takeAttempt(Username username, String challengeId, int maxAttempts) {
        return change(username, s -> challengeId.equals(s.challengeId()) && s.attempts() < maxAttempts
                ? new Stored(s.factor(), s.codeHashes(), s.challengeId(), s.attempts() + 1) : null);
    }

    @Override
    public void closeChallenge(Username username, String challengeId) {
        change(username, s -> challengeId.equals(s.challengeId())
                ? new Stored(s.factor(), s.codeHashes(), null, s.attempts()) : null);
    }

    @Override
    public boolean remove(Username username) {
        return transactions.inTransaction(() -> removedWithUser(username.value()));
    }

    /** Called inside the unit of work that removes the user, as the foreign key's cascade does on JDBC. */
    private boolean removedWithUser(String username) {
        Stored before = byUsername.get(username);
        return before != null && transactions.change(() -> byUsername.remove(username) != null,
                () -> byUsername.put(username, before));
    }

    /** Replaces the user's factor with what {@code change} makes of it; false when there is none or it makes {@code null}. */
    private boolean change(Username username, Function<Stored, Stored> change) {
        return transactions.inTransaction(() -> {
            Stored before = byUsername.get(username.value());
            Stored after = before == null ? null : change.apply(before);
            return after != null && put(username.value(), before, after);
        });
    }

    private boolean put(String key, Stored before, Stored after) {
        return transactions.change(() -> {
            byUsername.put(key, after);
            return true;
        }, () -> {
            if (before == null) {
                byUsername.remove(key);
            } else {
                byUsername.put(key, before);
            }
        });
    }

    private record Stored(SecondFactor factor, Set<String> codeHashes, String challengeId, int attempts) {
        Stored {
            Objects.requireNonNull(factor);
        }

        Stored withFactor(SecondFactor changed) {
            return new Stored(changed, codeHashes, challengeId, attempts);
        }
    }
}
