package com.cspdesk.adapters.crypto.keys;

import com.cspdesk.application.software.port.out.Entitlements;
import com.cspdesk.application.software.port.out.ProductKeyIssuer;
import com.cspdesk.domain.catalog.SoftwareVersion;
import com.cspdesk.domain.software.ProductKey;
import jakarta.inject.Singleton;

import java.security.SecureRandom;

/**
 * Stands in for Microsoft's key-issuing service: a key of the real format (5 groups of 5 from
 * the 24-letter key alphabet) from a secure random source. The vault keeps the first one issued.
 */
@Singleton
class RandomProductKeyIssuer implements ProductKeyIssuer {

    private static final String ALPHABET = "BCDFGHJKMPQRTVWXY2346789";
    private final SecureRandom random = new SecureRandom();

    @Override
    public ProductKey issue(Entitlements.Entitlement entitlement, SoftwareVersion version) {
        StringBuilder key = new StringBuilder(29);
        for (int i = 0; i < 25; i++) {
            if (i > 0 && i % 5 == 0) {
                key.append('-');
            }
            key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return ProductKey.parse(key.toString());
    }
}
