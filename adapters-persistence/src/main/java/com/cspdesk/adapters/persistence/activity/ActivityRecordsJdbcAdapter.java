package com.cspdesk.adapters.persistence.activity;

import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.adapters.persistence.shared.StoredInDatabase;
import com.cspdesk.application.activity.port.out.ActivityRecords;
import com.cspdesk.domain.activity.ActivityChain;
import com.cspdesk.domain.activity.ActivityEntry;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * Reads what {@link ActivityLogJdbcAdapter} appends. Pages are keyset pages in (operation_date, id)
 * order, newest first for the API and oldest first for exports; ids are random UUIDs, so among
 * records of the same microsecond the id only makes the order total, it says nothing about time.
 *
 * <p>Indexes (V2 and V4): no filter reads the date range of ix_activity_record_date; an equals filter
 * reads one range of its field's (key, operation_date, id) index, where the key is the lower-cased
 * generated column, compared with {@code LOWER(?)} so both sides fold case with the same function
 * (MySQL's and MariaDB's {@code _ci} collations also ignore accents there; H2 compares exactly). A
 * substring filter ({@code LIKE '%…%'}, the value's {@code %}, {@code _} and {@code !} escaped with
 * {@code !}) cannot seek, so it scans the date range; the API allows at most 90 days back. An equals
 * filter with several values (Partner Center's {@code undefined} names several of our kinds) pages as
 * one such index read per value, merged ({@link #merged}); its count reads the index with {@code IN}.
 * A chain is read on ux_activity_record_chain in sequence order.
 *
 * <p>A row whose customized_data is not the JSON array the writer makes is still returned, with that
 * text under {@link #UNREADABLE}: its hash then no longer matches, so verification reports the row
 * instead of failing on it.
 *
 * <p>Every method is one statement, so it runs on a plain connection in autocommit ({@code @Connectable})
 * instead of a read-only transaction, which cost five more round trips per call (read-only on and off,
 * autocommit off and on, the commit): a page of the log is a page query and a count, 2 statements
 * instead of 14, on one borrowed connection ({@link #pageAndCount}). Measured in bench/ (docs/performance.md).
 */
@StoredInDatabase
@Singleton
@Connectable
class ActivityRecordsJdbcAdapter implements ActivityRecords {

    static final String UNREADABLE = "unreadableCustomizedData";

    private static final String RECORD = "SELECT id, chain_seq, previous_hash, hash, operation_date, operation_type,"
            + " operation_status, user_principal_name, application_id, customer_id, customer_name, resource_type,"
            + " resource_id, customized_data FROM activity_record";
    private static final Map<String, String> KEY_COLUMNS = Map.of(
            "customerId", "customer_id_key",
            "companyName", "customer_name_key",
            "resourceKind", "resource_type_key",
            "operationKind", "operation_type_key",
            // No index: a filter on the user is read beside another filter or within the date range (at most 90 days).
            "userPrincipalName", "LOWER(user_principal_name)");

    /** Every chain that has records, by key (a loose scan of ux_activity_record_chain). */
    static final String CHAIN_KEYS = "SELECT DISTINCT chain_key FROM activity_record ORDER BY chain_key";
    static final String HEAD_KEYS = "SELECT chain_key FROM activity_chain_head ORDER BY chain_key";
    static final String HEAD = "SELECT last_seq, last_hash FROM activity_chain_head WHERE chain_key = ?";
    static final String CHAIN = RECORD + " WHERE chain_key = ? AND chain_seq > ? ORDER BY chain_seq LIMIT ?";

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    ActivityRecordsJdbcAdapter(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public List<Stored> page(Criteria criteria, Optional<Cursor> after, int limit) {
        return pageRows(criteria, after, limit);
    }

    @Override
    public long count(Criteria criteria) {
        return total(criteria);
    }

    /**
     * Both statements on the one connection {@code @Connectable} borrows for this call (5 % of a page's CPU was the
     * second borrow). Private reads, not {@code page} and {@code count}: a call to those from here would go through
     * the interceptor again.
     */
    @Override
    public Counted pageAndCount(Criteria criteria, Optional<Cursor> after, int limit) {
        return new Counted(pageRows(criteria, after, limit), total(criteria));
    }

    private List<Stored> pageRows(Criteria criteria, Optional<Cursor> after, int limit) {
        return limit < 1 ? List.of() : stored(pageSql(criteria, after, limit));
    }

    private long total(Criteria criteria) {
        Sql sql = countSql(criteria);
        return JdbcRows.count(jdbc, sql.text(), sql.parameters());
    }

    @Override
    public List<Stored> ascending(Criteria criteria, Optional<Cursor> after, int limit) {
        return limit < 1 ? List.of() : stored(ascendingSql(criteria, after, limit));
    }

    @Override
    public List<String> chainKeys() {
        // Both: a chain whose records are all gone still has its head, one whose head is gone its records.
        TreeSet<String> keys = new TreeSet<>(JdbcRows.list(jdbc, CHAIN_KEYS, row -> row.getString(1)));
        keys.addAll(JdbcRows.list(jdbc, HEAD_KEYS, row -> row.getString(1)));
        return List.copyOf(keys);
    }

    @Override
    public Optional<ActivityChain.Head> head(String chainKey) {
        return JdbcRows.one(jdbc, HEAD, row -> new ActivityChain.Head(row.getLong("last_seq"), row.getString("last_hash")),
                chainKey);
    }

    @Override
    public List<ActivityChain.ChainedEntry> chain(String chainKey, long afterSequence, int limit) {
        if (limit < 1) {
            return List.of();
        }
        return JdbcRows.list(jdbc, CHAIN, row -> new ActivityChain.ChainedEntry(row.getString("id"),
                row.getLong("chain_seq"), row.getString("previous_hash"), row.getString("hash"), entry(row)),
                chainKey, afterSequence, limit);
    }

    // The SQL below is package-private so the tests can EXPLAIN exactly what runs.

    record Sql(String text, Object... parameters) {
    }

    static Sql pageSql(Criteria criteria, Optional<Cursor> after, int limit) {
        return select(criteria, after, limit, false);
    }

    static Sql ascendingSql(Criteria criteria, Optional<Cursor> after, int limit) {
        return select(criteria, after, limit, true);
    }

    static Sql countSql(Criteria criteria) {
        List<Object> parameters = new ArrayList<>();
        String where = where(criteria, parameters);
        return new Sql("SELECT COUNT(*) FROM activity_record" + where, parameters.toArray());
    }

    private static Sql select(Criteria criteria, Optional<Cursor> after, int limit, boolean oldestFirst) {
        List<String> values = distinctValues(criteria);
        if (!criteria.substring() && values.size() > 1) {
            return merged(criteria, values, after, limit, oldestFirst);
        }
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder(RECORD).append(where(criteria, parameters));
        after.ifPresent(cursor -> {
            String beyond = oldestFirst ? ">" : "<";
            sql.append(" AND (operation_date ").append(beyond).append(" ? OR (operation_date = ? AND id ")
                    .append(beyond).append(" ?))");
            parameters.add(cursor.operationDate());
            parameters.add(cursor.operationDate());
            parameters.add(cursor.id());
        });
        sql.append(order(oldestFirst)).append(limitClause(limit));
        return new Sql(sql.toString(), parameters.toArray());
    }

    /**
     * Equals any of several values (a Partner Center type that names several of our kinds): one read
     * per value in its index's order, each stopping after {@code limit} rows, merged. The merge sorts
     * at most values × limit rows, where one {@code IN} would sort every matching row of the range.
     */
    private static Sql merged(Criteria criteria, List<String> values, Optional<Cursor> after, int limit, boolean oldestFirst) {
        List<Object> parameters = new ArrayList<>();
        StringJoiner parts = new StringJoiner(" UNION ALL ");
        for (String value : values) {
            Sql part = select(criteria.withValues(List.of(value)), after, limit, oldestFirst);
            parts.add("(" + part.text() + ")");
            parameters.addAll(Arrays.asList(part.parameters()));
        }
        return new Sql("SELECT * FROM (" + parts + ") merged" + order(oldestFirst) + limitClause(limit), parameters.toArray());
    }

    /**
     * The page's LIMIT written as a number, not a parameter: H2 reuses a subquery's earlier result when
     * only a LIMIT parameter changed (a page of 14 of several kinds came back with the rows of a page of 2).
     */
    private static String limitClause(int limit) {
        return " LIMIT " + limit;
    }

    private static String order(boolean oldestFirst) {
        return oldestFirst ? " ORDER BY operation_date, id" : " ORDER BY operation_date DESC, id DESC";
    }

    /** The filter's values without repeats (whatever the case); empty without a filter. */
    private static List<String> distinctValues(Criteria criteria) {
        return distinctValues(criteria.values());
    }

    private static List<String> distinctValues(List<String> values) {
        Map<String, String> byKey = new LinkedHashMap<>();
        values.forEach(value -> byKey.putIfAbsent(value.toLowerCase(Locale.ROOT), value));
        return List.copyOf(byKey.values());
    }

    private static String where(Criteria criteria, List<Object> parameters) {
        StringBuilder where = new StringBuilder(" WHERE operation_date >= ? AND operation_date < ?");
        parameters.add(criteria.from());
        parameters.add(criteria.to());
        if (criteria.field().isPresent()) {
            condition(criteria.field().get(), distinctValues(criteria.values()), criteria.substring(), where, parameters);
        }
        for (ActivityRecords.Condition also : criteria.also()) {
            condition(also.field(), distinctValues(also.values()), also.substring(), where, parameters);
        }
        return where.toString();
    }

    private static void condition(String field, List<String> values, boolean substring, StringBuilder where, List<Object> parameters) {
        String column = KEY_COLUMNS.get(field);
        if (column == null) {
            throw new IllegalArgumentException("the activity log cannot be filtered on " + field);
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a filter on " + field + " needs a value");
        }
        if (substring) {
            if (values.size() > 1) {
                throw new IllegalArgumentException("a substring filter has one value");
            }
            where.append(" AND ").append(column).append(" LIKE LOWER(?) ESCAPE '!'");
            parameters.add(contains(values.get(0)));
        } else if (values.size() == 1) {
            where.append(" AND ").append(column).append(" = LOWER(?)");
            parameters.add(values.get(0));
        } else {
            StringJoiner any = new StringJoiner(", ", " AND " + column + " IN (", ")");
            values.forEach(value -> any.add("LOWER(?)"));
            where.append(any);
            parameters.addAll(values);
        }
    }

    /** A LIKE pattern for "contains", the value's own %, _ and ! escaped with '!'. */
    static String contains(String value) {
        StringBuilder pattern = new StringBuilder(value.length() + 2).append('%');
        for (char c : value.toCharArray()) {
            if (c == '!' || c == '%' || c == '_') {
                pattern.append('!');
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }

    private List<Stored> stored(Sql sql) {
        return JdbcRows.list(jdbc, sql.text(), row -> new Stored(row.getString("id"), entry(row)), sql.parameters());
    }

    private ActivityEntry entry(ResultSet row) throws SQLException {
        String customizedData = row.getString("customized_data");
        return new ActivityEntry(JdbcRows.instant(row, "operation_date"), row.getString("operation_type"),
                row.getString("operation_status"), row.getString("user_principal_name"), row.getString("application_id"),
                row.getString("customer_id"), row.getString("customer_name"), row.getString("resource_type"),
                row.getString("resource_id"),
                CustomizedDataJson.read(json, customizedData).orElseGet(() -> Collections.singletonMap(UNREADABLE, customizedData)));
    }
}
