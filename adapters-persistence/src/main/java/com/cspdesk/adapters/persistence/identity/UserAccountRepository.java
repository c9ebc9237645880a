package com.cspdesk.adapters.persistence.identity;

import com.cspdesk.adapters.persistence.shared.StoredInDatabase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@StoredInDatabase
@JdbcRepository(dialect = Dialect.MYSQL)
interface UserAccountRepository extends CrudRepository<UserAccountRow, String> {

    List<UserAccountRow> listOrderByUsername();

    @Query("UPDATE user_account SET password_hash = :passwordHash, roles = :roles, customer_tenant_id = :customerTenantId"
            + " WHERE username = :username")
    long change(String username, String passwordHash, String roles, @Nullable String customerTenantId);

    // One statement: two sign-outs at once both count, neither overwrites the other.
    @Query("UPDATE user_account SET session_generation = session_generation + 1 WHERE username = :username")
    long raiseSessionGeneration(String username);

    // The user table is small; locking it whole keeps "never without a global admin" true under
    // concurrent deletes. Each row is written first (V24): on a Galera cluster a lock holds on its own
    // node only, but a write of the rows conflicts with another node's change of any of them.
    @Query("UPDATE user_account SET role_change_serial = role_change_serial + 1")
    long markAllForRoleChange();

    @Query("SELECT * FROM user_account FOR UPDATE")
    List<UserAccountRow> lockAll();
}
