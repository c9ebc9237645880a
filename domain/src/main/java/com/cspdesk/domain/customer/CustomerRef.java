package com.cspdesk.domain.customer;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a caller names a customer (api.md "A customer can also be addressed by its domain"): its
 * tenant id, a GUID compared without regard to case, or its domain. Parsed once, resolved once.
 */
public sealed interface CustomerRef {

    Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");

    /** A tenant id (lower case) or a domain (lower case, as stored); empty when blank. */
    static Optional<CustomerRef> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String key = text.strip().toLowerCase(Locale.ROOT);
        return Optional.of(GUID.matcher(key).matches() ? new TenantId(key) : new Domain(key));
    }

    /** What the caller wrote, normalised. */
    String value();

    record TenantId(String value) implements CustomerRef {
        public TenantId {
            if (value == null || !GUID.matcher(value).matches()) {
                throw new IllegalArgumentException("a tenant id is a GUID");
            }
            value = value.toLowerCase(Locale.ROOT);
        }
    }

    record Domain(String value) implements CustomerRef {
        public Domain {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("a domain is not blank");
            }
            value = value.strip().toLowerCase(Locale.ROOT);
        }
    }
}
