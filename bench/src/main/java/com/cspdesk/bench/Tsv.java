package com.cspdesk.bench;

import com.mysql.cj.jdbc.JdbcStatement;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Rows for one table as tab-separated text, sent with {@code LOAD DATA LOCAL INFILE} from memory
 * (Connector/J's local-infile stream, no file on disk) once a few MiB have gathered: the fastest
 * bulk path into MariaDB, without SQL parsing per row.
 */
final class Tsv {

    private static final int FLUSH_AT = 4 << 20;

    private final String table;
    private final String columns;
    private final StringBuilder rows = new StringBuilder(FLUSH_AT + (64 << 10));
    private boolean first = true;
    private long count;

    Tsv(String table, String columns) {
        this.table = table;
        this.columns = columns;
    }

    Tsv add(Object value) {
        if (!first) {
            rows.append('\t');
        }
        first = false;
        if (value == null) {
            rows.append("\\N");
        } else if (value instanceof Instant instant) {
            rows.append(LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString().replace('T', ' '));
        } else if (value instanceof BigDecimal decimal) {
            rows.append(decimal.toPlainString());
        } else if (value instanceof Boolean b) {
            rows.append(b ? '1' : '0');
        } else {
            String s = value.toString();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\t' -> rows.append("\\t");
                    case '\n' -> rows.append("\\n");
                    case '\\' -> rows.append("\\\\");
                    default -> rows.append(c);
                }
            }
        }
        return this;
    }

    /** Ends the row; sends what has gathered when it is big enough. */
    void end(Connection connection) throws SQLException {
        rows.append('\n');
        first = true;
        count++;
        if (rows.length() >= FLUSH_AT) {
            flush(connection);
        }
    }

    void flush(Connection connection) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        rows.setLength(0);
        try (Statement s = connection.createStatement()) {
            s.unwrap(JdbcStatement.class).setLocalInfileInputStream(new ByteArrayInputStream(bytes));
            s.execute("LOAD DATA LOCAL INFILE 'rows.tsv' INTO TABLE " + table + " CHARACTER SET utf8mb4"
                    + " FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (" + columns + ")");
        }
    }

    long count() {
        return count;
    }
}
