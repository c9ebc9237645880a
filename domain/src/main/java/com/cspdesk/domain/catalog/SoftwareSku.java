package com.cspdesk.domain.catalog;

import java.util.Objects;
import java.util.Set;

/**
 * What one software SKU offers for keys and downloads: its family and version, and the languages and
 * bitness its downloads come in (spec "Activate and manage software subscriptions" step 2).
 */
public record SoftwareSku(ProductFamily family, SoftwareVersion version, Set<SoftwareLanguage> languages, Set<Bitness> bitness) {

    public SoftwareSku {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(version, "version");
        languages = Set.copyOf(languages);
        bitness = Set.copyOf(bitness);
        if (!family.offers(version)) {
            throw new IllegalArgumentException(family.name() + " has no version " + version);
        }
        if (languages.isEmpty() || bitness.isEmpty()) {
            throw new IllegalArgumentException("a SKU offers at least one language and one bitness");
        }
    }
}
