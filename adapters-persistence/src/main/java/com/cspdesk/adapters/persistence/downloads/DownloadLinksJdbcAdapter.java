package com.cspdesk.adapters.persistence.downloads;

import com.cspdesk.adapters.persistence.shared.StoredInDatabase;
import com.cspdesk.application.software.port.out.DownloadLinks;
import com.cspdesk.domain.catalog.Bitness;
import com.cspdesk.domain.catalog.SoftwareLanguage;
import com.cspdesk.domain.catalog.SoftwareVersion;
import com.cspdesk.domain.software.DownloadLink;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

@StoredInDatabase
@Singleton
@Transactional
class DownloadLinksJdbcAdapter implements DownloadLinks {

    private final JdbcOperations jdbc;

    DownloadLinksJdbcAdapter(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(StoredLink link) {
        jdbc.prepareStatement("INSERT INTO download_link (id, entitlement_id, customer_tenant_id, version, language, bitness,"
                + " issued_at, downloads_completed, resumed_bytes, revoked, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                statement -> {
            statement.setString(1, link.id());
            statement.setString(2, link.entitlementId());
            statement.setString(3, link.customerTenantId());
            statement.setString(4, link.version().name());
            statement.setString(5, link.language().tag());
            statement.setString(6, link.bitness().code());
            statement.setTimestamp(7, Timestamp.from(link.link().issuedAt()));
            statement.setInt(8, link.link().downloadsCompleted());
            statement.setLong(9, link.link().resumedBytes());
            statement.setBoolean(10, link.link().revoked());
            statement.setString(11, link.createdBy());
            return statement.executeUpdate();
        });
    }

    @Override
    public Optional<StoredLink> findForUpdate(String linkId) {
        return jdbc.prepareStatement("SELECT * FROM download_link WHERE id = ? FOR UPDATE", statement -> {
            statement.setString(1, linkId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(link(row)) : Optional.<StoredLink>empty();
            }
        });
    }

    @Override
    public void recordDownload(String linkId) {
        jdbc.prepareStatement("UPDATE download_link SET downloads_completed = downloads_completed + 1 WHERE id = ?", statement -> {
            statement.setString(1, linkId);
            return statement.executeUpdate();
        });
    }

    @Override
    public void recordResumedPart(String linkId, long bytes) {
        jdbc.prepareStatement("UPDATE download_link SET resumed_bytes = resumed_bytes + ? WHERE id = ?", statement -> {
            statement.setLong(1, bytes);
            statement.setString(2, linkId);
            return statement.executeUpdate();
        });
    }

    @Override
    public int revokeAll(String entitlementId) {
        return jdbc.prepareStatement("UPDATE download_link SET revoked = TRUE WHERE entitlement_id = ? AND revoked = FALSE",
                statement -> {
                    statement.setString(1, entitlementId);
                    return statement.executeUpdate();
                });
    }

    private static StoredLink link(ResultSet row) throws SQLException {
        return new StoredLink(row.getString("id"), row.getString("entitlement_id"), row.getString("customer_tenant_id"),
                SoftwareVersion.of(row.getString("version")), SoftwareLanguage.of(row.getString("language")),
                Bitness.fromCode(row.getString("bitness")).orElseThrow(),
                new DownloadLink(row.getTimestamp("issued_at").toInstant(), row.getInt("downloads_completed"),
                        row.getLong("resumed_bytes"), row.getBoolean("revoked")),
                row.getString("created_by"));
    }
}
