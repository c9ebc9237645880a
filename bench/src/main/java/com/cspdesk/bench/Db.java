package com.cspdesk.bench;

import com.cspdesk.adapters.persistence.testing.ThrowawayMariaDb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The throwaway MariaDB of a run (the project's own test harness, one independent instance), sized
 * for the data volume, with a way to stop the server and start it again on the same data and port
 * (the fault suite's outage).
 */
final class Db implements Database, AutoCloseable {

    private final ThrowawayMariaDb db;
    private final List<String> serverCommand;
    private Process restarted;

    private Db(ThrowawayMariaDb db, List<String> serverCommand) {
        this.db = db;
        this.serverCommand = serverCommand;
    }

    /**
     * Starts the instance and enlarges what the test defaults keep small (32 MB buffer pool, 16 MB
     * redo log, 151 connections). Durability stays the harness's: innodb_flush_log_at_trx_commit=2
     * (the log is written at every commit and flushed to disk once a second), for the product and
     * for the bare JDBC limit alike.
     */
    static Db start(long bufferPoolBytes) {
        ThrowawayMariaDb db = ThrowawayMariaDb.start();
        long pid = serverPid(db);
        // Started once more, still empty, with the sizes on its command line: SET GLOBAL resizes the
        // buffer pool in the background and cannot change the redo log's size at all.
        List<String> command = new ArrayList<>(commandLine(pid));
        command.addAll(List.of("--innodb-buffer-pool-size=" + bufferPoolBytes,
                "--innodb-log-file-size=" + (1L << 30), "--max-connections=600"));
        Db bench = new Db(db, command);
        bench.kill();
        bench.restart();
        return bench;
    }

    String variable(String name) {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT @@GLOBAL." + name)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String jdbcUrl() {
        return db.jdbcUrl();
    }

    /** The server's directory (data, logs): its size after a load is the volume on disk. */
    Path dataDirectory() {
        return db.instanceDirectory();
    }

    @Override
    public String username() {
        return db.username();
    }

    @Override
    public String password() {
        return db.password();
    }

    int port() {
        return db.port();
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
    }

    /** A connection that may send LOAD DATA LOCAL INFILE from memory (the loader's only). */
    Connection connectForBulkLoad() throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl() + "&allowLoadLocalInfile=true", db.username(), db.password());
    }

    /** CPU time the server has used, in milliseconds. */
    double cpuMillis() {
        return Product.cpuMillis(restarted != null ? restarted.pid() : serverPid(db));
    }

    /** Kills the server at once (SIGKILL, as a crash or a pulled cable would), keeping its data. */
    void kill() {
        long pid = restarted != null ? restarted.pid() : serverPid(db);
        ProcessHandle.of(pid).ifPresent(p -> {
            p.destroyForcibly();
            p.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        });
    }

    /** Starts the server again with the same command line, data directory and port; waits until it answers. */
    void restart() {
        try {
            restarted = new ProcessBuilder(serverCommand).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(db.instanceDirectory().resolve("restart.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot restart mariadbd", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (Connection c = connect()) {
                return;
            } catch (SQLException notYet) {
                sleep(100);
            }
        }
        throw new IllegalStateException("mariadbd did not come back within 60 s");
    }

    @Override
    public void close() {
        if (restarted != null && restarted.isAlive()) {
            restarted.destroyForcibly();
            try {
                restarted.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        db.close();
    }

    private static long serverPid(ThrowawayMariaDb db) {
        Path pidFile = db.instanceDirectory().resolve("mariadbd.pid");
        try {
            return Long.parseLong(Files.readString(pidFile).strip());
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("cannot read " + pidFile, e);
        }
    }

    private static List<String> commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline"));
            List<String> parts = new ArrayList<>();
            int from = 0;
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] == 0) {
                    parts.add(new String(raw, from, i - from, StandardCharsets.UTF_8));
                    from = i + 1;
                }
            }
            return parts;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the command line of mariadbd " + pid, e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
