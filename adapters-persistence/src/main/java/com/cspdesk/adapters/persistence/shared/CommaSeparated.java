package com.cspdesk.adapters.persistence.shared;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Short lists kept in one column, comma-separated ({@code "en-US,de-DE"}), in their given order.
 * For values that never contain a comma (language tags, versions, codes).
 */
public final class CommaSeparated {

    private CommaSeparated() {
    }

    public static <T> String join(Collection<T> values, Function<T, String> toText) {
        return values.stream().map(toText).peek(CommaSeparated::requireNoComma).collect(Collectors.joining(","));
    }

    /** The values in stored order; an empty or NULL column is an empty list. */
    public static <T> List<T> split(String column, Function<String, T> fromText) {
        if (column == null || column.isBlank()) {
            return List.of();
        }
        return Arrays.stream(column.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(fromText).toList();
    }

    private static void requireNoComma(String value) {
        if (value.indexOf(',') >= 0) {
            throw new IllegalArgumentException("a comma-separated column cannot hold " + value);
        }
    }
}
