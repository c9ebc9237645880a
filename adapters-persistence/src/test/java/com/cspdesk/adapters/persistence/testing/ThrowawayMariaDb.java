package com.cspdesk.adapters.persistence.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private MariaDB server that the tests start themselves, as a stand-in for MySQL.
 *
 * <p>Use {@link #shared()} for the one instance per JVM (a Maven module's surefire fork): it starts
 * on first use and stops when the JVM ends. {@link #start()} gives an extra, independent instance
 * that the caller must {@link #close()}. Every instance has its own data directory under the
 * module's {@code target/} (surefire's working directory is the module directory), its own Unix
 * socket in a short directory under /tmp and its own free TCP port on 127.0.0.1 only, so modules
 * that run one after another (or at once) never share a server. The system MariaDB on port 3306
 * is never used or touched.
 *
 * <p>Micronaut tests take {@link #properties()} (e.g. from a {@code TestPropertyProvider}); test
 * classes that need a database of their own take {@link #newDatabase(String)} and
 * {@link #properties(String)}.
 *
 * <p>Server flags, and why:
 * <ul>
 *   <li>{@code --no-defaults} (first): ignore /etc/mysql/my.cnf of the system instance (its port,
 *       socket, datadir, log files).</li>
 *   <li>{@code --version=5.7.19-<real>-MariaDB}: MariaDB 10.11 announces {@code 5.5.5-10.11.x};
 *       Connector/J then takes it for MySQL 5.5 and silently drops fractional seconds (it only
 *       sends them to servers &ge; 5.6.4). 5.7.19 keeps them and keeps Connector/J on
 *       {@code tx_isolation}; announcing &ge; 8.0.3 makes it send {@code transaction_isolation},
 *       which MariaDB 10.11 lacks. The real version stays readable in the string (Flyway looks
 *       for {@code -MariaDB}).</li>
 *   <li>{@code --default-time-zone=+00:00}: all instants are UTC; an offset needs no time-zone
 *       tables (which a fresh data directory does not have).</li>
 *   <li>{@code --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci}: full
 *       Unicode, and the database is created with the same.</li>
 *   <li>{@code --sql-mode=} MySQL 8's default (adds {@code ONLY_FULL_GROUP_BY},
 *       {@code NO_ZERO_DATE}, {@code NO_ZERO_IN_DATE} to MariaDB's): SQL that production MySQL
 *       would reject must fail here too. MariaDB's {@code ONLY_FULL_GROUP_BY} knows no functional
 *       dependencies, so it is slightly stricter than MySQL's.</li>
 *   <li>{@code --skip-log-bin}: no binary log (no replication; less I/O).</li>
 *   <li>{@code --skip-name-resolve}: no reverse DNS per connection (a sandbox with broken DNS
 *       would stall every connect); the test user is {@code 'cspdesk'@'%'}.</li>
 *   <li>InnoDB, for a fast run of a server whose data is thrown away:
 *       {@code --innodb-flush-log-at-trx-commit=2} (write the redo log at commit, fsync it once a
 *       second instead of at every commit: tests commit very often, and durability across an OS
 *       crash is worthless here), {@code --innodb-doublewrite=0} (pages are written once, not
 *       twice), {@code --innodb-buffer-pool-size=32M} and {@code --innodb-log-file-size=16M}
 *       (small memory footprint and a small redo file to create on a 2-core machine that also
 *       runs Maven and a Micronaut app; test data sets are tiny), {@code --innodb-use-native-aio=0}
 *       (no io_uring/libaio: they fail in some containers because of the locked-memory limit;
 *       simulated AIO is plenty for tests), and for the server only {@code --innodb-fast-shutdown=2}
 *       (stop without flushing dirty pages; the data directory is deleted right after, and a
 *       clean stop after a Flyway run took over a second).</li>
 *   <li>{@code --user=root} only when the JVM runs as root (mariadbd refuses root otherwise).</li>
 * </ul>
 */
public final class ThrowawayMariaDb implements AutoCloseable {

    /** Name of the database created at start; {@link #jdbcUrl()} points at it. */
    public static final String DATABASE = "cspdesk";

    /**
     * Connector/J 9.4 options of every JDBC URL handed out (each checked to exist in 9.4):
     * <ul>
     *   <li>{@code connectionTimeZone=UTC} + {@code preserveInstants=true}: {@code Instant},
     *       {@code Timestamp} and {@code OffsetDateTime} keep their point on the time line, whatever
     *       the JVM's default zone; DATETIME columns hold UTC wall-clock time.
     *       ({@code preserveInstants} is the default; stated so nobody turns it off unknowingly.)</li>
     *   <li>{@code forceConnectionTimeZoneToSession=true}: the driver sets the session
     *       {@code time_zone} to {@code +00:00} (it sends an offset for UTC, so no zone tables are
     *       needed), so {@code NOW()}/{@code CURRENT_TIMESTAMP} agree with the driver even on a
     *       server whose default zone is not UTC.</li>
     *   <li>{@code sslMode=DISABLED}: the throwaway server has no certificates; this replaces the
     *       deprecated {@code useSSL=false}.</li>
     *   <li>{@code connectionCollation=utf8mb4_unicode_ci}: without it Connector/J asks for
     *       {@code utf8mb4_general_ci} (its choice for a "5.7" server), so the session collation
     *       would differ from the server's and the tables'; comparing parameters or variables with
     *       columns could then fail with "Illegal mix of collations". Sent in the handshake: no
     *       extra round trip.</li>
     *   <li>{@code rewriteBatchedStatements=true}: batched INSERTs go as one multi-row INSERT
     *       (faster {@code saveAll}); production should use the same so tests exercise the same
     *       driver path.</li>
     *   <li>{@code useLocalSessionState=true}: the driver trusts its own record of autocommit,
     *       isolation and read-only (the product changes them only through JDBC's setters), instead
     *       of asking {@code SELECT @@session.tx_read_only} before batches and re-sending unchanged
     *       settings: fewer statements per order (docs/performance.md). Production uses the same.</li>
     *   <li>{@code cachePrepStmts=true&prepStmtCacheSize=250&prepStmtCacheSqlLimit=4096}: the driver keeps
     *       each connection's parse of a statement's text (which parameters, which kind of statement) instead
     *       of scanning the SQL again on every {@code prepareStatement}; without it that scan was a quarter of
     *       the product's CPU while placing orders (docs/performance.md). 4,096 characters: the longest
     *       statements (the activity log's page, the invoice run's) are longer than the default 256.
     *       Production uses the same.</li>
     * </ul>
     * Left out: {@code allowPublicKeyRetrieval} (only for MySQL's {@code caching_sha2_password}
     * without TLS; MariaDB authenticates with {@code mysql_native_password}) and {@code useSSL}
     * (deprecated, see above).
     */
    public static final String JDBC_URL_OPTIONS = "connectionTimeZone=UTC"
            + "&forceConnectionTimeZoneToSession=true"
            + "&preserveInstants=true"
            + "&sslMode=DISABLED"
            + "&connectionCollation=utf8mb4_unicode_ci"
            + "&rewriteBatchedStatements=true"
            + "&useLocalSessionState=true"
            + "&cachePrepStmts=true"
            + "&prepStmtCacheSize=250"
            + "&prepStmtCacheSqlLimit=4096";

    private static final Logger LOG = LoggerFactory.getLogger(ThrowawayMariaDb.class);

    static final String USERNAME = "cspdesk";
    static final String PASSWORD = "cspdesk";
    static final String HOST = "127.0.0.1";
    static final String INSTANCE_DIR_PREFIX = "mariadb-";
    static final String SOCKET_DIR_PREFIX = "cspdesk-mdb-";
    private static final String INSTANCE_FILE = "instance.properties";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration INSTALL_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int START_ATTEMPTS = 3;
    private static final Pattern DATABASE_PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    /** MySQL allows 64 characters; leaves room for {@code _<counter>}. */
    private static final int DATABASE_PREFIX_MAX = 48;

    /** Same InnoDB settings for mariadb-install-db (which runs the server in bootstrap mode) and the server. */
    static final List<String> INNODB_FLAGS = List.of(
            "--innodb-flush-log-at-trx-commit=2",
            "--innodb-doublewrite=0",
            "--innodb-buffer-pool-size=32M",
            "--innodb-log-file-size=16M",
            "--innodb-use-native-aio=0");

    private static final Object SHARED_LOCK = new Object();
    private static ThrowawayMariaDb shared;
    private static RuntimeException sharedFailure;

    private final Path instanceDir;
    private final Path dataDir;
    private final Path socketDir;
    private final Path errorLog;
    private final List<String> serverCommand;
    private volatile Process process;
    private final int port;
    private final String announcedVersion;
    private final Duration startupTime;
    private final Thread shutdownHook;
    private final AtomicInteger databaseCounter = new AtomicInteger();
    private boolean stopped;

    private ThrowawayMariaDb(Path instanceDir, Path dataDir, Path socketDir, Path errorLog, List<String> serverCommand,
                             Process process, int port, String announcedVersion, Duration startupTime) {
        this.serverCommand = List.copyOf(serverCommand);
        this.instanceDir = instanceDir;
        this.dataDir = dataDir;
        this.socketDir = socketDir;
        this.errorLog = errorLog;
        this.process = process;
        this.port = port;
        this.announcedVersion = announcedVersion;
        this.startupTime = startupTime;
        this.shutdownHook = new Thread(this::stopQuietly, "throwaway-mariadb-stop-" + port);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    // ------------------------------------------------------------------ shared instance

    /**
     * The JVM-wide instance, started on first call (a few hundred milliseconds) and stopped when
     * the JVM ends (or by {@link #stopShared()}). If the start fails, this and every later call
     * throw, so a broken setup fails fast instead of once per test class.
     *
     * @throws IllegalStateException if MariaDB is not installed or does not start
     */
    public static ThrowawayMariaDb shared() {
        synchronized (SHARED_LOCK) {
            if (sharedFailure != null) {
                throw new IllegalStateException("The shared throwaway MariaDB failed to start earlier in this JVM: "
                        + sharedFailure.getMessage(), sharedFailure);
            }
            if (shared == null) {
                try {
                    shared = start();
                } catch (RuntimeException e) {
                    sharedFailure = e;
                    throw e;
                }
            }
            return shared;
        }
    }

    /** Stops the shared instance if it was started (for a test-session listener); a later {@link #shared()} starts a new one. */
    public static void stopShared() {
        ThrowawayMariaDb instance;
        synchronized (SHARED_LOCK) {
            instance = shared;
            shared = null;
        }
        if (instance != null) {
            instance.close();
        }
    }

    /** Whether the shared instance is running. */
    public static boolean isSharedRunning() {
        synchronized (SHARED_LOCK) {
            return shared != null;
        }
    }

    // ------------------------------------------------------------------ independent instance

    /**
     * Starts a new, independent instance; the caller must {@link #close()} it (a JVM shutdown hook
     * stops it too). Prefer {@link #shared()}.
     *
     * @throws IllegalStateException if MariaDB is not installed or does not start
     */
    public static ThrowawayMariaDb start() {
        return start(List.of());
    }

    /** {@link #start()} with extra server flags appended (they override the defaults); for tests of this class. */
    static ThrowawayMariaDb start(List<String> extraServerFlags) {
        long begin = System.nanoTime();
        MariaDbBinaries binaries = MariaDbBinaries.locate();
        String announcedVersion = "5.7.19-" + binaries.realVersion() + "-MariaDB";
        Path target = Path.of(System.getProperty("user.dir")).toAbsolutePath().resolve("target");
        Path instanceDir = null;
        Path socketDir = null;
        boolean started = false;
        try {
            Files.createDirectories(target);
            reapStaleInstances(target);
            instanceDir = Files.createTempDirectory(target, INSTANCE_DIR_PREFIX);
            socketDir = Files.createTempDirectory(shortTempRoot(), SOCKET_DIR_PREFIX);
            Path dataDir = instanceDir.resolve("data");
            Path errorLog = instanceDir.resolve("error.log");
            Files.createDirectories(instanceDir.resolve("tmp"));
            writeInstanceFile(instanceDir, socketDir, -1);

            install(binaries, dataDir, instanceDir.resolve("install.log"));
            long installed = System.nanoTime();
            Path initFile = instanceDir.resolve("init.sql");
            writeInitFile(initFile);

            String lastFailure = null;
            List<String> command = List.of();
            for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
                int port = freePort();
                command = serverCommand(binaries, announcedVersion, dataDir, socketDir, errorLog, instanceDir,
                        initFile, port, extraServerFlags);
                Process process = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(instanceDir.resolve("console.log").toFile())
                        .directory(instanceDir.toFile())
                        .start();
                writeInstanceFile(instanceDir, socketDir, process.pid());
                Optional<StartFailure> failure = awaitReady(process, port, dataDir, errorLog);
                if (failure.isEmpty()) {
                    Duration took = Duration.ofNanos(System.nanoTime() - begin);
                    ThrowawayMariaDb db = new ThrowawayMariaDb(instanceDir, dataDir, socketDir, errorLog, command, process,
                            port, announcedVersion, took);
                    started = true;
                    LOG.info("Throwaway MariaDB {} ready on {}:{} in {} ms (install-db {} ms, server {} ms; data {})",
                            announcedVersion, HOST, port, took.toMillis(), (installed - begin) / 1_000_000,
                            (System.nanoTime() - installed) / 1_000_000, dataDir);
                    return db;
                }
                destroy(process);
                lastFailure = failure.get().reason();
                if (!failure.get().portClash()) {
                    break; // retrying will not help
                }
                LOG.warn("Throwaway MariaDB attempt {} on port {} failed ({}), retrying on another port",
                        attempt, port, lastFailure);
            }
            throw new IllegalStateException("The throwaway MariaDB did not start: " + lastFailure
                    + "\nCommand: " + String.join(" ", command)
                    + "\nInstance directory kept for inspection: " + instanceDir
                    + "\n--- tail of " + errorLog + " ---\n" + tail(errorLog)
                    + "\n--- tail of console.log ---\n" + tail(instanceDir.resolve("console.log")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the throwaway MariaDB (instance directory "
                    + instanceDir + "): " + e.getMessage(), e);
        } finally {
            if (!started && socketDir != null) {
                deleteRecursively(socketDir);
            }
        }
    }

    // ------------------------------------------------------------------ accessors

    /** JDBC URL of the {@value #DATABASE} database. */
    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    /** JDBC URL of the named database on this server (with {@link #JDBC_URL_OPTIONS}). */
    public String jdbcUrl(String database) {
        return "jdbc:mysql://" + HOST + ":" + port + "/" + database + "?" + JDBC_URL_OPTIONS;
    }

    /** User with all privileges (it may create and drop databases). */
    public String username() {
        return USERNAME;
    }

    public String password() {
        return PASSWORD;
    }

    /** TCP port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** Micronaut data-source properties for the {@value #DATABASE} database. */
    public Map<String, String> properties() {
        return properties(jdbcUrl());
    }

    /**
     * Micronaut data-source properties for {@code datasources.default} pointing at the given JDBC
     * URL of this server (e.g. one from {@link #newDatabase(String)}).
     */
    public Map<String, String> properties(String jdbcUrl) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("datasources.default.url", jdbcUrl);
        properties.put("datasources.default.username", USERNAME);
        properties.put("datasources.default.password", PASSWORD);
        properties.put("datasources.default.driver-class-name", "com.mysql.cj.jdbc.Driver");
        properties.put("datasources.default.dialect", "MYSQL");
        return Map.copyOf(properties);
    }

    /**
     * Creates a new empty database (utf8mb4, utf8mb4_unicode_ci) named {@code <prefix>_<n>} and
     * returns its JDBC URL, so a test class can be isolated from the others.
     *
     * @param prefix letters, digits and underscores, starting with a letter (e.g. the test class's
     *               simple name); lower-cased, and cut to 48 characters
     */
    public String newDatabase(String prefix) {
        if (prefix == null || !DATABASE_PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("Database prefix must match " + DATABASE_PREFIX + ": " + prefix);
        }
        String base = prefix.toLowerCase(Locale.ROOT);
        String name = base.substring(0, Math.min(base.length(), DATABASE_PREFIX_MAX)) + "_"
                + databaseCounter.incrementAndGet();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name + ": " + e.getMessage(), e);
        }
        return jdbcUrl(name);
    }

    /** A new connection to the {@value #DATABASE} database; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USERNAME, PASSWORD);
    }

    /** A new connection to the given JDBC URL with this server's credentials; the caller closes it. */
    public Connection connect(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, USERNAME, PASSWORD);
    }

    /** The version string the server announces, e.g. {@code 5.7.19-10.11.19-MariaDB}. */
    public String announcedVersion() {
        return announcedVersion;
    }

    /** This instance's directory under {@code target/} (data, logs); deleted at stop. */
    public Path instanceDirectory() {
        return instanceDir;
    }

    /** Time from {@link #start()} to the first good JDBC connection. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Kills the server at once (SIGKILL, as a crash or a pulled cable would), keeping its data and port. */
    public void kill() {
        Process server = process;
        server.destroyForcibly();
        try {
            if (!server.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("mariadbd did not die within " + STOP_TIMEOUT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while killing the throwaway MariaDB", e);
        }
    }

    /** Starts the server again after {@link #kill()}: same command line, data directory and port; returns once it answers. */
    public void restart() {
        try {
            Process server = new ProcessBuilder(serverCommand)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(instanceDir.resolve("console.log").toFile()))
                    .directory(instanceDir.toFile())
                    .start();
            process = server;
            writeInstanceFile(instanceDir, socketDir, server.pid());
            Optional<StartFailure> failure = awaitReady(server, port, dataDir, errorLog);
            if (failure.isPresent()) {
                throw new IllegalStateException("The throwaway MariaDB did not come back: " + failure.get().reason()
                        + "\n--- tail of " + errorLog + " ---\n" + tail(errorLog));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restart mariadbd", e);
        }
    }

    /** Whether the server process is still alive. */
    public boolean isRunning() {
        return process.isAlive();
    }

    /** Stops the server (SIGTERM, a clean shutdown; killed after 30 s) and deletes its directories. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // called from the hook itself or during JVM shutdown: nothing to unregister
        }
        long begin = System.nanoTime();
        destroy(process);
        deleteRecursively(instanceDir);
        deleteRecursively(socketDir);
        LOG.info("Throwaway MariaDB on port {} stopped in {} ms", port, (System.nanoTime() - begin) / 1_000_000);
    }

    private void stopQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            System.err.println("Could not stop the throwaway MariaDB on port " + port + ": " + e);
        }
    }

    @Override
    public String toString() {
        return "ThrowawayMariaDb[" + HOST + ":" + port + ", " + dataDir + "]";
    }

    // ------------------------------------------------------------------ start-up internals

    private static void install(MariaDbBinaries binaries, Path dataDir, Path log) throws IOException {
        install(binaries, dataDir, log, runsAsRoot() ? "root" : null);
    }

    /**
     * Runs mariadb-install-db into {@code dataDir}.
     *
     * @param osUser the {@code --user} the files belong to, or {@code null} for none (not root)
     */
    static void install(MariaDbBinaries binaries, Path dataDir, Path log, String osUser) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                binaries.installDb().toString(),
                "--no-defaults", // must come first
                "--auth-root-authentication-method=normal",
                "--datadir=" + dataDir,
                "--skip-test-db"));
        if (osUser != null) {
            command.add("--user=" + osUser);
        }
        command.addAll(INNODB_FLAGS);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .directory(dataDir.getParent().toFile())
                .start();
        boolean finished;
        try {
            finished = process.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running mariadb-install-db", e);
        }
        if (!finished || process.exitValue() != 0 || !Files.isDirectory(dataDir.resolve("mysql"))) {
            if (!finished) {
                process.destroyForcibly();
            }
            throw new IllegalStateException("mariadb-install-db failed ("
                    + (finished ? "exit code " + process.exitValue() : "timed out after " + INSTALL_TIMEOUT.toSeconds()
                    + " s") + ")\nCommand: " + String.join(" ", command) + "\n--- tail of " + log + " ---\n"
                    + tail(log));
        }
    }

    private static List<String> serverCommand(MariaDbBinaries binaries, String announcedVersion, Path dataDir,
                                              Path socketDir, Path errorLog, Path instanceDir, Path initFile,
                                              int port, List<String> extraFlags) {
        return serverCommand(binaries, announcedVersion, dataDir, socketDir, errorLog, instanceDir, initFile, port,
                runsAsRoot() ? "root" : null, extraFlags);
    }

    /**
     * The server command with this class's flags (see the class comment), then {@code extraFlags}.
     *
     * @param initFile SQL run at start, or {@code null} for none
     * @param osUser   {@code --user}, or {@code null} for none (not root)
     */
    static List<String> serverCommand(MariaDbBinaries binaries, String announcedVersion, Path dataDir,
                                      Path socketDir, Path errorLog, Path instanceDir, Path initFile,
                                      int port, String osUser, List<String> extraFlags) {
        List<String> command = new ArrayList<>(List.of(
                binaries.server().toString(),
                "--no-defaults", // must come first
                "--datadir=" + dataDir,
                "--socket=" + socketDir.resolve("mariadb.sock"),
                "--pid-file=" + instanceDir.resolve("mariadbd.pid"),
                "--log-error=" + errorLog,
                // Its own temporary directory: in the shared /tmp another program removed the internal
                // temporary table of a large INSERT … SELECT from under the server.
                "--tmpdir=" + instanceDir.resolve("tmp"),
                "--port=" + port,
                "--bind-address=" + HOST,
                "--version=" + announcedVersion,
                "--default-time-zone=+00:00",
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_unicode_ci",
                "--sql-mode=ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
                        + "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION",
                "--skip-log-bin",
                "--skip-name-resolve",
                // stop without flushing dirty pages (like a crash): the data is deleted right after
                "--innodb-fast-shutdown=2"));
        command.addAll(INNODB_FLAGS);
        if (initFile != null) {
            command.add("--init-file=" + initFile);
        }
        if (osUser != null) {
            command.add("--user=" + osUser);
        }
        command.addAll(extraFlags);
        return command;
    }

    /**
     * Waits for a real JDBC connection (not just an open port: a server can abort after binding)
     * and checks it reached this server (by its data directory), not some other one that took the
     * port in between.
     *
     * @return empty when ready, otherwise why not
     */
    private static Optional<StartFailure> awaitReady(Process process, int port, Path dataDir, Path errorLog) {
        String url = "jdbc:mysql://" + HOST + ":" + port + "/" + DATABASE + "?" + JDBC_URL_OPTIONS
                + "&connectTimeout=1000";
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        SQLException lastError = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String log = tail(errorLog);
                boolean portClash = log.contains("Address already in use") || log.contains("Bind on TCP/IP port");
                return Optional.of(new StartFailure("mariadbd exited with code " + process.exitValue()
                        + (portClash ? " (port " + port + " already in use)" : ""), portClash));
            }
            try (Connection connection = DriverManager.getConnection(url, USERNAME, PASSWORD);
                 Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT @@datadir")) {
                rs.next();
                Path reported = Path.of(rs.getString(1)).toAbsolutePath().normalize();
                if (reported.equals(dataDir.toAbsolutePath().normalize())) {
                    return Optional.empty();
                }
                return Optional.of(new StartFailure("another server answered on port " + port
                        + " (data directory " + reported + ")", true));
            } catch (SQLException e) {
                lastError = e;
            }
            sleep(50);
        }
        return Optional.of(new StartFailure("no JDBC connection within " + START_TIMEOUT.toSeconds() + " s"
                + (lastError == null ? "" : "; last error: " + lastError.getMessage()), false));
    }

    /** Writes the SQL run at the first start: the {@value #DATABASE} database and the test user. */
    static void writeInitFile(Path initFile) throws IOException {
        Files.writeString(initFile, String.join("\n",
                "CREATE DATABASE IF NOT EXISTS `" + DATABASE + "`"
                        + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;",
                "CREATE USER IF NOT EXISTS '" + USERNAME + "'@'%' IDENTIFIED BY '" + PASSWORD + "';",
                "GRANT ALL PRIVILEGES ON *.* TO '" + USERNAME + "'@'%' WITH GRANT OPTION;",
                ""), StandardCharsets.UTF_8);
    }

    private record StartFailure(String reason, boolean portClash) {
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    static Path shortTempRoot() {
        Path tmp = Path.of("/tmp");
        return Files.isDirectory(tmp) && Files.isWritable(tmp) ? tmp : Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** mariadbd refuses to run as root unless given {@code --user=root}; as anyone else it must not get it. */
    static boolean runsAsRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return Integer.valueOf(0).equals(uid);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    // ------------------------------------------------------------------ leftovers of killed JVMs

    static void writeInstanceFile(Path instanceDir, Path socketDir, long serverPid) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("ownerPid", Long.toString(ProcessHandle.current().pid()));
        properties.setProperty("serverPid", Long.toString(serverPid));
        properties.setProperty("socketDir", socketDir.toString());
        try (var out = Files.newOutputStream(instanceDir.resolve(INSTANCE_FILE))) {
            properties.store(out, "throwaway MariaDB of a test JVM");
        }
    }

    /**
     * A JVM that was killed (surefire timeout, kill -9) cannot run its shutdown hook, so its
     * mariadbd would keep running. Stop such leftovers in this {@code target/}: only servers whose
     * owning JVM is gone and whose command line names that instance's data directory.
     */
    static void reapStaleInstances(Path target) {
        try (Stream<Path> dirs = Files.list(target)) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith(INSTANCE_DIR_PREFIX)
                    && Files.isDirectory(d)).toList()) {
                reapIfStale(dir);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not look for leftover throwaway MariaDB instances in {}: {}", target, e.toString());
        }
    }

    private static void reapIfStale(Path dir) throws IOException {
        Path file = dir.resolve(INSTANCE_FILE);
        if (!Files.isRegularFile(file)) {
            FileTime modified = Files.getLastModifiedTime(dir);
            if (modified.toInstant().isBefore(Instant.now().minus(Duration.ofMinutes(10)))) {
                deleteRecursively(dir); // a start that died before writing its file
            }
            return;
        }
        Properties properties = new Properties();
        try (var in = Files.newInputStream(file)) {
            properties.load(in);
        }
        long ownerPid = Long.parseLong(properties.getProperty("ownerPid", "-1"));
        if (ownerPid > 0 && ProcessHandle.of(ownerPid).map(ProcessHandle::isAlive).orElse(false)) {
            return; // its JVM still runs (e.g. a parallel build of this module)
        }
        long serverPid = Long.parseLong(properties.getProperty("serverPid", "-1"));
        if (serverPid > 0) {
            Optional<ProcessHandle> server = ProcessHandle.of(serverPid);
            if (server.isPresent() && server.get().isAlive()
                    && commandLine(serverPid).contains("--datadir=" + dir.resolve("data"))) {
                LOG.warn("Stopping leftover throwaway MariaDB (pid {}) of a JVM that is gone: {}", serverPid, dir);
                ProcessHandle handle = server.get();
                handle.destroy();
                try {
                    handle.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                } catch (Exception e) {
                    handle.destroyForcibly();
                }
            }
        }
        String socketDir = properties.getProperty("socketDir", "");
        if (Path.of(socketDir).getFileName() != null
                && Path.of(socketDir).getFileName().toString().startsWith(SOCKET_DIR_PREFIX)) {
            deleteRecursively(Path.of(socketDir));
        }
        deleteRecursively(dir);
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()).orElse("");
        }
    }

    // ------------------------------------------------------------------ small helpers

    static void destroy(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy(); // SIGTERM: mariadbd shuts down cleanly
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static String tail(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return "(no " + file.getFileName() + ")";
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not delete {}: {}", root, e.toString());
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the throwaway MariaDB", e);
        }
    }
}
