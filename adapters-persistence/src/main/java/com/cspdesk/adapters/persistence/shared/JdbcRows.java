package com.cspdesk.adapters.persistence.shared;

import com.cspdesk.domain.money.Money;
import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * Plain SQL through Micronaut's {@link JdbcOperations}: positional parameters, rows mapped by a
 * lambda. Instants go in and out as {@link Timestamp} (UTC on MySQL with the connection's
 * {@code connectionTimeZone=UTC}), like the repositories do; money comes back at its currency's
 * minor unit.
 */
public final class JdbcRows {

    private JdbcRows() {
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    public static <T> List<T> list(JdbcOperations jdbc, String sql, RowMapper<T> mapper, Object... parameters) {
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, parameters);
            List<T> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(mapper.map(result));
                }
            }
            return rows;
        });
    }

    /** The first row, if any (the query is expected to find at most one). */
    public static <T> Optional<T> one(JdbcOperations jdbc, String sql, RowMapper<T> mapper, Object... parameters) {
        return list(jdbc, sql, mapper, parameters).stream().findFirst();
    }

    public static long count(JdbcOperations jdbc, String sql, Object... parameters) {
        return one(jdbc, sql, row -> row.getLong(1), parameters).orElse(0L);
    }

    /** Runs an INSERT, UPDATE or DELETE; answers the rows it changed. */
    public static int update(JdbcOperations jdbc, String sql, Object... parameters) {
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, parameters);
            return statement.executeUpdate();
        });
    }

    /** Runs one statement for each parameter row, as a JDBC batch. */
    public static void batch(JdbcOperations jdbc, String sql, List<Object[]> parameterRows) {
        if (parameterRows.isEmpty()) {
            return;
        }
        jdbc.prepareStatement(sql, statement -> {
            for (Object[] parameters : parameterRows) {
                bind(statement, parameters);
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }

    /** Binds in order: {@link Instant} as a timestamp, {@link Money} as its amount, the rest as they are. */
    public static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value instanceof Instant instant) {
                statement.setTimestamp(i + 1, Timestamp.from(instant));
            } else if (value instanceof Money money) {
                statement.setBigDecimal(i + 1, money.amount());
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    public static Optional<Instant> optionalInstant(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(instant(row, column));
    }

    /**
     * A DECIMAL column as money of {@code currency}, at the currency's minor unit. Refuses (throws) an
     * amount with digits below the minor unit rather than rounding it away: such a row was not
     * written by this adapter.
     */
    public static Money money(ResultSet row, String column, Currency currency) throws SQLException {
        BigDecimal amount = row.getBigDecimal(column);
        if (amount == null) {
            throw new SQLException("money column " + column + " is NULL");
        }
        return Money.of(amount.setScale(Money.minorUnitDigits(currency)), currency);
    }

    public static Optional<Money> optionalMoney(ResultSet row, String column, Currency currency) throws SQLException {
        return row.getBigDecimal(column) == null ? Optional.empty() : Optional.of(money(row, column, currency));
    }
}
