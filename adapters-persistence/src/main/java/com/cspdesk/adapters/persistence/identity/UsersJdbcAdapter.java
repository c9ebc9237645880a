package com.cspdesk.adapters.persistence.identity;

import com.cspdesk.adapters.persistence.shared.DuplicateKeys;
import com.cspdesk.adapters.persistence.shared.StoredInDatabase;
import com.cspdesk.application.identity.port.out.UserAccount;
import com.cspdesk.application.identity.port.out.Users;
import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.identity.Username;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

@StoredInDatabase
@Singleton
class UsersJdbcAdapter implements Users {

    private final UserAccountRepository repository;

    UsersJdbcAdapter(UserAccountRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<UserAccount> find(Username username) {
        return repository.findById(username.value()).map(UsersJdbcAdapter::toAccount);
    }

    @Override
    public boolean add(UserAccount account) {
        try {
            repository.save(toRow(account));
            return true;
        } catch (DataAccessException e) {
            if (DuplicateKeys.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public List<UserAccount> all() {
        return repository.listOrderByUsername().stream().map(UsersJdbcAdapter::toAccount).toList();
    }

    @Override
    public boolean remove(Username username) {
        if (!repository.existsById(username.value())) {
            return false;
        }
        repository.deleteById(username.value());
        return true;
    }

    @Override
    public boolean update(UserAccount account) {
        UserAccountRow row = toRow(account);
        return repository.change(row.username(), row.passwordHash(), row.roles(), row.customerTenantId()) > 0;
    }

    @Override
    public boolean endSessions(Username username) {
        return repository.raiseSessionGeneration(username.value()) > 0;
    }

    @Override
    public long countWithRoleForUpdate(Role role) {
        repository.markAllForRoleChange();
        return repository.lockAll().stream().filter(row -> rolesOf(row.roles()).contains(role)).count();
    }

    private static UserAccountRow toRow(UserAccount account) {
        String roles = account.roles().stream().map(Role::name).sorted().collect(Collectors.joining(","));
        return new UserAccountRow(account.username().value(), account.passwordHash(), roles,
                account.customerTenantId().orElse(null), account.createdAt(), account.sessionGeneration());
    }

    private static UserAccount toAccount(UserAccountRow row) {
        return new UserAccount(new Username(row.username()), row.passwordHash(), rolesOf(row.roles()),
                Optional.ofNullable(row.customerTenantId()), row.createdAt(), row.sessionGeneration());
    }

    private static Set<Role> rolesOf(String roles) {
        Set<Role> result = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(",")).filter(s -> !s.isBlank()).map(Role::valueOf).forEach(result::add);
        return result;
    }
}
