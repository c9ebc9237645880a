package com.cspdesk.adapters.persistence.identity;

import com.cspdesk.adapters.persistence.shared.CommaSeparated;
import com.cspdesk.adapters.persistence.shared.DuplicateKeys;
import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.adapters.persistence.shared.StoredInDatabase;
import com.cspdesk.application.identity.port.out.ApplicationCredential;
import com.cspdesk.application.identity.port.out.Applications;
import com.cspdesk.application.identity.port.out.RegisteredApplication;
import com.cspdesk.domain.identity.Role;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code application} and {@code application_credential} (V13): an application is read with its
 * credentials in two statements; a list reads every credential once. Revoking is an UPDATE of a row
 * still live, so a second revocation changes nothing and says so.
 */
@StoredInDatabase
@Singleton
@Transactional
class ApplicationsJdbcAdapter implements Applications {

    private static final String APPLICATION_COLUMNS = "SELECT id, name, roles, created_at, created_by, revoked_at FROM application";
    private static final String CREDENTIAL_COLUMNS =
            "SELECT id, application_id, secret_hash, hint, created_at, revoked_at FROM application_credential";

    private final JdbcOperations jdbc;

    ApplicationsJdbcAdapter(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean add(RegisteredApplication application) {
        try {
            JdbcRows.update(jdbc, "INSERT INTO application (id, name, roles, created_at, created_by, revoked_at) VALUES (?, ?, ?, ?, ?, ?)",
                    application.id(), application.name(), CommaSeparated.join(new java.util.TreeSet<>(application.roles()), Role::name),
                    application.createdAt(), application.createdBy(), application.revokedAt().orElse(null));
        } catch (DataAccessException e) {
            if (DuplicateKeys.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
        application.credentials().forEach(credential -> insert(application.id(), credential));
        return true;
    }

    @Override
    public Optional<RegisteredApplication> find(String applicationId) {
        Optional<Head> head = JdbcRows.one(jdbc, APPLICATION_COLUMNS + " WHERE id = ?", ApplicationsJdbcAdapter::head, applicationId);
        if (head.isEmpty()) {
            return Optional.empty();
        }
        List<ApplicationCredential> credentials = JdbcRows.list(jdbc,
                CREDENTIAL_COLUMNS + " WHERE application_id = ? ORDER BY created_at, id", ApplicationsJdbcAdapter::credential,
                applicationId);
        return Optional.of(head.get().with(credentials));
    }

    @Override
    public List<RegisteredApplication> all() {
        List<Head> heads = JdbcRows.list(jdbc, APPLICATION_COLUMNS + " ORDER BY created_at, id", ApplicationsJdbcAdapter::head);
        Map<String, List<ApplicationCredential>> byApplication = new LinkedHashMap<>();
        JdbcRows.list(jdbc, CREDENTIAL_COLUMNS + " ORDER BY created_at, id", row -> {
            byApplication.computeIfAbsent(row.getString("application_id"), id -> new ArrayList<>()).add(credential(row));
            return null;
        });
        return heads.stream().map(head -> head.with(byApplication.getOrDefault(head.id(), List.of()))).toList();
    }

    @Override
    public boolean addCredential(String applicationId, ApplicationCredential credential) {
        if (JdbcRows.count(jdbc, "SELECT COUNT(*) FROM application WHERE id = ? AND revoked_at IS NULL", applicationId) == 0) {
            return false;
        }
        insert(applicationId, credential);
        return true;
    }

    @Override
    public boolean revokeCredential(String applicationId, String credentialId, Instant at) {
        return JdbcRows.update(jdbc, "UPDATE application_credential SET revoked_at = ? WHERE id = ? AND application_id = ?"
                + " AND revoked_at IS NULL", at, credentialId, applicationId) > 0;
    }

    @Override
    public boolean revoke(String applicationId, Instant at) {
        return JdbcRows.update(jdbc, "UPDATE application SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", at,
                applicationId) > 0;
    }

    private void insert(String applicationId, ApplicationCredential credential) {
        JdbcRows.update(jdbc, "INSERT INTO application_credential (id, application_id, secret_hash, hint, created_at, revoked_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", credential.id(), applicationId, credential.secretHash(), credential.hint(),
                credential.createdAt(), credential.revokedAt().orElse(null));
    }

    private static Head head(ResultSet row) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(CommaSeparated.split(row.getString("roles"), Role::valueOf));
        return new Head(row.getString("id"), row.getString("name"), roles, JdbcRows.instant(row, "created_at"),
                row.getString("created_by"), JdbcRows.optionalInstant(row, "revoked_at"));
    }

    private static ApplicationCredential credential(ResultSet row) throws SQLException {
        return new ApplicationCredential(row.getString("id"), row.getString("secret_hash"), row.getString("hint"),
                JdbcRows.instant(row, "created_at"), JdbcRows.optionalInstant(row, "revoked_at"));
    }

    /** An application's row, before its credentials are read. */
    private record Head(String id, String name, Set<Role> roles, Instant createdAt, String createdBy, Optional<Instant> revokedAt) {
        RegisteredApplication with(List<ApplicationCredential> credentials) {
            return new RegisteredApplication(id, name, roles, createdAt, createdBy, revokedAt, credentials);
        }
    }
}
