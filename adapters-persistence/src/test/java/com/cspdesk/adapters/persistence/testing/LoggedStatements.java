package com.cspdesk.adapters.persistence.testing;

import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.application.shared.port.out.Transactions;
import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statements an adapter really sends, read from MariaDB's general log (Connector/J prepares on the client, so the
 * log holds each statement with its values in place), for plan tests of SQL an adapter builds inside a method; and
 * their plans. Only the statements containing {@code marker} (a table, an id) are kept: the test's own EXPLAINs and
 * set-up never mix in.
 */
public final class LoggedStatements {

    private LoggedStatements() {
    }

    /** The statements naming {@code marker} sent while {@code work} ran, in order. */
    public static List<String> during(JdbcOperations jdbc, Transactions transactions, String marker, Runnable work) {
        transactions.inTransaction(() -> {
            JdbcRows.update(jdbc, "SET GLOBAL log_output = 'TABLE'");
            JdbcRows.update(jdbc, "TRUNCATE mysql.general_log");
            JdbcRows.update(jdbc, "SET GLOBAL general_log = 1");
            return null;
        });
        try {
            work.run();
        } finally {
            transactions.inTransaction(() -> JdbcRows.update(jdbc, "SET GLOBAL general_log = 0"));
        }
        return transactions.inTransaction(() -> JdbcRows.list(jdbc, "SELECT CONVERT(argument USING utf8mb4)"
                        + " FROM mysql.general_log WHERE command_type = 'Query' AND INSTR(argument, ?) > 0 ORDER BY event_time",
                row -> row.getString(1), marker));
    }

    /** One row of EXPLAIN. */
    public record Plan(String table, String type, String key, String extra) {
    }

    public static List<Plan> explain(JdbcOperations jdbc, Transactions transactions, String statement) {
        return transactions.inTransaction(() -> JdbcRows.list(jdbc, "EXPLAIN " + statement,
                row -> new Plan(row.getString("table"), row.getString("type"), row.getString("key"),
                        String.valueOf(row.getString("Extra")))));
    }

    /** The statement's first read is {@code index} on {@code table}, not a full scan; nothing is sorted unless allowed. */
    public static void assertReads(List<Plan> plans, String statement, String table, String index, boolean sortAllowed) {
        assertThat(plans).as(statement).isNotEmpty();
        Plan first = plans.get(0);
        assertThat(first.table()).as("%s\n%s", statement, plans).isEqualTo(table);
        assertThat(first.key()).as("%s\n%s", statement, plans).isEqualTo(index);
        assertThat(plans).as("%s\n%s", statement, plans).allSatisfy(p -> assertThat(p.type()).isNotEqualTo("ALL"));
        if (!sortAllowed) {
            assertThat(plans).as("%s\n%s", statement, plans).allSatisfy(p ->
                    assertThat(p.extra()).doesNotContain("filesort").doesNotContain("temporary"));
        }
    }
}
