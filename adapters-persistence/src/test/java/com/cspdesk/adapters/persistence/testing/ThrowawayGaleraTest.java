package com.cspdesk.adapters.persistence.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves the throwaway cluster is a real Galera cluster: writes replicate, a row lock on one node
 * is not seen by the other (its commit fails certification with 1213 / 40001), a killed node
 * rejoins and catches up, and a paused node stops until resumed (the shared cluster is whole
 * again when the class ends).
 */
class ThrowawayGaleraTest {

    private static ThrowawayGalera cluster;

    @BeforeAll
    static void startCluster() throws SQLException {
        cluster = ThrowawayGalera.shared();
        try (Connection connection = cluster.node(1).connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE galera_probe (id INT PRIMARY KEY, v INT NOT NULL)");
        }
    }

    @AfterAll
    static void dropProbe() throws SQLException {
        try (Connection connection = cluster.node(1).connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE galera_probe");
        }
    }

    @Test
    void aWriteOnOneNodeIsReadOnTheOther() throws SQLException {
        execute(1, "INSERT INTO galera_probe VALUES (1, 10)");
        // wsrep_sync_wait makes the read wait until node 2 applied what the cluster committed before it
        assertThat(readValue(2, 1)).isEqualTo(10);
        assertThat(cluster.node(1).port()).isNotEqualTo(cluster.node(2).port());
        assertThat(cluster.node(1).pid()).isNotEqualTo(cluster.node(2).pid());
    }

    @Test
    void aRowLockedOnOneNodeIsNotLockedOnTheOther() throws SQLException {
        execute(1, "INSERT INTO galera_probe VALUES (2, 0)");
        try (Connection locker = cluster.node(1).connect(); Connection other = cluster.node(2).connect()) {
            locker.setAutoCommit(false);
            try (Statement statement = locker.createStatement()) {
                statement.executeQuery("SELECT v FROM galera_probe WHERE id = 2 FOR UPDATE").close();
                statement.executeUpdate("UPDATE galera_probe SET v = 1 WHERE id = 2");
            }
            try (Statement statement = other.createStatement()) {
                statement.execute("SET SESSION wsrep_sync_wait = 1");
                // commits at once: node 1's lock is invisible here
                assertThat(statement.executeUpdate("UPDATE galera_probe SET v = 2 WHERE id = 2")).isEqualTo(1);
            }
            SQLException conflict = catchThrowableOfType(SQLException.class, locker::commit);
            assertThat((Throwable) conflict).isNotNull();
            assertThat(conflict.getErrorCode()).isEqualTo(1213);
            assertThat(conflict.getSQLState()).isEqualTo("40001");
        }
        assertThat(readValue(1, 2)).isEqualTo(2);
    }

    @Test
    void aKilledNodeRejoinsAndCatchesUp() throws SQLException {
        long killedPid = cluster.node(2).pid();
        cluster.kill(2);
        assertThat(cluster.node(2).isRunning()).isFalse();
        cluster.restart(2);
        assertThat(cluster.node(2).pid()).isNotEqualTo(killedPid);
        execute(1, "INSERT INTO galera_probe VALUES (3, 30)");
        assertThat(readValue(2, 3)).isEqualTo(30);
    }

    @Test
    void aPausedNodeIsStoppedUntilResumedAndThenStillInTheCluster() throws SQLException {
        cluster.pause(2);
        try {
            assertThat(cluster.isPaused(2)).as("SIGSTOP: stopped").isTrue();
        } finally {
            cluster.resume(2);
        }
        assertThat(cluster.isPaused(2)).isFalse();
        cluster.awaitClusterSize(2); // a pause shorter than Galera's suspect timeout evicts nobody
        execute(2, "INSERT INTO galera_probe VALUES (4, 40)");
        assertThat(readValue(1, 4)).isEqualTo(40);
    }

    private static void execute(int node, String sql) throws SQLException {
        try (Connection connection = cluster.node(node).connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static int readValue(int node, int id) throws SQLException {
        try (Connection connection = cluster.node(node).connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION wsrep_sync_wait = 1");
            try (ResultSet rs = statement.executeQuery("SELECT v FROM galera_probe WHERE id = " + id)) {
                assertThat(rs.next()).as("row %s on node %s", id, node).isTrue();
                return rs.getInt(1);
            }
        }
    }
}
