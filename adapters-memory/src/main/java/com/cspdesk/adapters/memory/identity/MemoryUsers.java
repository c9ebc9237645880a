package com.cspdesk.adapters.memory.identity;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.identity.port.out.UserAccount;
import com.cspdesk.application.identity.port.out.Users;
import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.identity.Username;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The users by username (already lower case), in username order. "Count for update" needs no lock
 * of its own: the unit of work it runs in is the only one running.
 */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
class MemoryUsers implements Users {

    private final MemoryTransactions transactions;
    private final SortedMap<String, UserAccount> byUsername = new TreeMap<>();
    /** What else goes with a removed user, in the same unit of work (its second factor: a cascade on JDBC). */
    private final List<Consumer<String>> removalFollowers = new CopyOnWriteArrayList<>();

    MemoryUsers(MemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<UserAccount> find(Username username) {
        return transactions.read(() -> Optional.ofNullable(byUsername.get(username.value())));
    }

    @Override
    public boolean add(UserAccount account) {
        String key = account.username().value();
        return transactions.inTransaction(() -> !byUsername.containsKey(key)
                && transactions.change(() -> byUsername.put(key, account) == null, () -> byUsername.remove(key)));
    }

    @Override
    public List<UserAccount> all() {
        return transactions.read(() -> List.copyOf(byUsername.values()));
    }

    @Override
    public boolean remove(Username username) {
        String key = username.value();
        return transactions.inTransaction(() -> {
            UserAccount removed = byUsername.get(key);
            if (removed == null) {
                return false;
            }
            removalFollowers.forEach(follower -> follower.accept(key));
            return transactions.change(() -> byUsername.remove(key) != null, () -> byUsername.put(key, removed));
        });
    }

    /** {@code follower} gets the username of every user removed, inside the removing unit of work. */
    void onRemove(Consumer<String> follower) {
        removalFollowers.add(follower);
    }

    @Override
    public boolean update(UserAccount account) {
        return replace(account.username(), before -> new UserAccount(before.username(), account.passwordHash(),
                account.roles(), account.customerTenantId(), before.createdAt(), before.sessionGeneration()));
    }

    @Override
    public boolean endSessions(Username username) {
        return replace(username, before -> new UserAccount(before.username(), before.passwordHash(), before.roles(),
                before.customerTenantId(), before.createdAt(), before.sessionGeneration() + 1));
    }

    private boolean replace(Username username, UnaryOperator<UserAccount> change) {
        String key = username.value();
        return transactions.inTransaction(() -> {
            UserAccount before = byUsername.get(key);
            if (before == null) {
                return false;
            }
            UserAccount after = change.apply(before);
            return transactions.change(() -> byUsername.put(key, after) != null, () -> byUsername.put(key, before));
        });
    }

    @Override
    public long countWithRoleForUpdate(Role role) {
        return transactions.read(() -> byUsername.values().stream().filter(a -> a.roles().contains(role)).count());
    }
}
