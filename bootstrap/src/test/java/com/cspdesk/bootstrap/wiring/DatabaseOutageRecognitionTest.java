package com.cspdesk.bootstrap.wiring;

import com.cspdesk.adapters.web.problem.DatabaseOutage;
import io.micronaut.data.connection.exceptions.ConnectionException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web adapter recognises Micronaut Data's connection failures by name (micronaut-data is not on
 * its classpath); here, where both are, the name is checked against the real class, so a rename in
 * a Micronaut upgrade fails a test instead of turning 503s back into 500s.
 */
class DatabaseOutageRecognitionTest {

    @Test
    void aConnectionThatCouldNotBeSetUpIsAnOutage() {
        // What the fault suite saw for requests in flight when the database died.
        assertThat(DatabaseOutage.in(new ConnectionException("Could not set JDBC Connection read-only: Connection is closed",
                new SQLException("Connection is closed")))).isTrue();
        assertThat(DatabaseOutage.in(new RuntimeException("Could not open connection for transaction",
                new ConnectionException("Failed to obtain JDBC Connection")))).isTrue();
    }

    @Test
    void otherDataErrorsAreNot() {
        assertThat(DatabaseOutage.in(new io.micronaut.data.exceptions.DataAccessException("Duplicate entry",
                new SQLException("Duplicate entry", "23000")))).isFalse();
    }
}
