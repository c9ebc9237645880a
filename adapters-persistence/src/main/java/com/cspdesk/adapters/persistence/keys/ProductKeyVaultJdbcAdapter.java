package com.cspdesk.adapters.persistence.keys;

import com.cspdesk.adapters.persistence.shared.DuplicateKeys;
import com.cspdesk.adapters.persistence.shared.StoredInDatabase;
import com.cspdesk.application.shared.port.out.SecretSealing;
import com.cspdesk.application.software.port.out.ProductKeyVault;
import com.cspdesk.domain.catalog.SoftwareVersion;
import com.cspdesk.domain.software.ProductKey;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Keys kept sealed ({@link SecretSealing}); the context binds each sealed key to its entitlement
 * and version, so a value copied to another row does not open there.
 */
@StoredInDatabase
@Singleton
@Transactional
class ProductKeyVaultJdbcAdapter implements ProductKeyVault {

    private final JdbcOperations jdbc;
    private final SecretSealing sealing;
    private final Clock clock;

    ProductKeyVaultJdbcAdapter(JdbcOperations jdbc, SecretSealing sealing, Clock clock) {
        this.jdbc = jdbc;
        this.sealing = sealing;
        this.clock = clock;
    }

    @Override
    public Optional<ProductKey> find(String entitlementId, SoftwareVersion version) {
        return jdbc.prepareStatement("SELECT ciphertext FROM product_key WHERE entitlement_id = ? AND version = ?", statement -> {
            statement.setString(1, entitlementId);
            statement.setString(2, version.name());
            try (ResultSet row = statement.executeQuery()) {
                return row.next()
                        ? Optional.of(ProductKey.parse(sealing.open(row.getString(1), context(entitlementId, version))))
                        : Optional.<ProductKey>empty();
            }
        });
    }

    @Override
    public boolean keep(String entitlementId, SoftwareVersion version, ProductKey key) {
        String sealed = sealing.seal(key.revealClearText(), context(entitlementId, version));
        try {
            return jdbc.prepareStatement(
                    "INSERT INTO product_key (entitlement_id, version, ciphertext, created_at) VALUES (?, ?, ?, ?)", statement -> {
                        statement.setString(1, entitlementId);
                        statement.setString(2, version.name());
                        statement.setString(3, sealed);
                        statement.setTimestamp(4, Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)));
                        return statement.executeUpdate() == 1;
                    });
        } catch (RuntimeException e) {
            if (DuplicateKeys.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean hasAny(String entitlementId) {
        return jdbc.prepareStatement("SELECT 1 FROM product_key WHERE entitlement_id = ? LIMIT 1", statement -> {
            statement.setString(1, entitlementId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        });
    }

    private static String context(String entitlementId, SoftwareVersion version) {
        return "product-key:" + entitlementId + ":" + version.name();
    }
}
