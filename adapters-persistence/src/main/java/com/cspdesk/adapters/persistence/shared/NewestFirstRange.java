package com.cspdesk.adapters.persistence.shared;

import com.cspdesk.application.portfolio.port.out.AcrossCustomersFilter;
import com.cspdesk.application.portfolio.port.out.AcrossCustomersFilter.Position;

import java.util.List;
import java.util.Optional;

/**
 * The conditions of a keyset page newest first on ({@code dateColumn}, {@code idColumn}): the filter's date range
 * ({@code from <= date < to}) and the cursor (strictly after the last row seen), all on the index's trailing
 * columns, so they narrow its range instead of filtering rows.
 */
public final class NewestFirstRange {

    private NewestFirstRange() {
    }

    public static void append(StringBuilder sql, List<Object> parameters, String dateColumn, String idColumn,
                              AcrossCustomersFilter filter, Optional<Position> after) {
        filter.from().ifPresent(from -> {
            sql.append(" AND ").append(dateColumn).append(" >= ?");
            parameters.add(from);
        });
        filter.to().ifPresent(to -> {
            sql.append(" AND ").append(dateColumn).append(" < ?");
            parameters.add(to);
        });
        after.ifPresent(cursor -> {
            sql.append(" AND (").append(dateColumn).append(" < ? OR (").append(dateColumn).append(" = ? AND ")
                    .append(idColumn).append(" < ?))");
            parameters.add(cursor.at());
            parameters.add(cursor.at());
            parameters.add(cursor.id());
        });
    }
}
