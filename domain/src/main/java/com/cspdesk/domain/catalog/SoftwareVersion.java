package com.cspdesk.domain.catalog;

import java.util.Objects;

/**
 * A version of a product family as the catalog names it ({@code "2022"}, {@code "2019"}).
 * Versions have no order of their own: the order is the family's ({@link ProductFamily}).
 */
public record SoftwareVersion(String name) {

    public SoftwareVersion {
        Objects.requireNonNull(name, "name");
        name = name.strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a version has a name");
        }
    }

    public static SoftwareVersion of(String name) {
        return new SoftwareVersion(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
