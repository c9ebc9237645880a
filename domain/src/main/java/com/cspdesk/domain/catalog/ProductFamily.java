package com.cspdesk.domain.catalog;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A product with several versions ("SQL Server", "Windows Server"), its versions listed oldest first.
 * The list is the catalog's data: it says which versions are offered and in which order they came.
 */
public record ProductFamily(String name, List<SoftwareVersion> versionsOldestFirst) {

    public ProductFamily {
        Objects.requireNonNull(name, "name");
        versionsOldestFirst = List.copyOf(versionsOldestFirst);
        if (name.isBlank()) {
            throw new IllegalArgumentException("a product family has a name");
        }
        if (versionsOldestFirst.isEmpty()) {
            throw new IllegalArgumentException("a product family has at least one version");
        }
        if (new HashSet<>(versionsOldestFirst).size() != versionsOldestFirst.size()) {
            throw new IllegalArgumentException("versions repeat in " + name + ": " + versionsOldestFirst);
        }
    }

    /** For example {@code ProductFamily.of("SQL Server", "2017", "2019", "2022")}. */
    public static ProductFamily of(String name, String... versionsOldestFirst) {
        return new ProductFamily(name, java.util.Arrays.stream(versionsOldestFirst).map(SoftwareVersion::of).toList());
    }

    public boolean offers(SoftwareVersion version) {
        return versionsOldestFirst.contains(version);
    }

    /** Position in the family, 0 for the oldest; refuses a version the family does not have. */
    int positionOf(SoftwareVersion version) {
        int position = versionsOldestFirst.indexOf(version);
        if (position < 0) {
            throw new IllegalArgumentException(name + " has no version " + version);
        }
        return position;
    }
}
