package com.cspdesk.adapters.persistence.shared;

import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The company names of some customers, by tenant id, in one statement on the primary key (for the views across customers). */
public final class CustomerNames {

    private CustomerNames() {
    }

    public static Map<String, String> of(JdbcOperations jdbc, Collection<String> tenantIds) {
        List<String> distinct = tenantIds.stream().distinct().toList();
        if (distinct.isEmpty()) {
            return Map.of();
        }
        Map<String, String> names = new HashMap<>();
        JdbcRows.list(jdbc, "SELECT tenant_id, company_name FROM customer WHERE tenant_id IN ("
                        + placeholders(distinct.size()) + ")",
                row -> Map.entry(row.getString("tenant_id"), row.getString("company_name")), distinct.toArray())
                .forEach(name -> names.put(name.getKey(), name.getValue()));
        return names;
    }

    /** {@code ?, ?, ?} for an IN list of {@code count} values. */
    public static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
