package com.cspdesk.adapters.persistence.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private MariaDB Galera cluster of 2 or 3 nodes on 127.0.0.1 that tests and the bench start
 * themselves: MariaDB 10.11 with Debian's {@code galera-4} provider. The caller must
 * {@link #close()} it (a JVM shutdown hook stops it too).
 *
 * <p>Each node is a {@link ThrowawayMariaDb}-style server (same binaries, install, flags and
 * leftover reaping: its folder is a {@code target/mariadb-*} instance directory) with its own client
 * port, Galera port, IST port and SST port, all free ports on 127.0.0.1. Node 1 bootstraps the
 * cluster ({@code --wsrep-new-cluster}) and creates the {@value ThrowawayMariaDb#DATABASE} database
 * and the test user from its init file; the others join it and receive everything by a state
 * snapshot transfer (SST). Nodes are numbered from 1.
 *
 * <p>Faults for the cluster harness: {@link #kill(int)} (SIGKILL), {@link #restart(int)} (rejoins
 * with an incremental state transfer, IST, from a live node's write-set cache),
 * {@link #pause(int)}/{@link #resume(int)} (SIGSTOP/SIGCONT: the others evict a paused node after
 * Galera's {@code evs.inactive_timeout}). A 2-node cluster that loses one node loses its quorum:
 * the survivor refuses writes until the other is back; a 3-node cluster keeps committing.
 *
 * <p>Flags on top of {@link ThrowawayMariaDb}'s, and why:
 * <ul>
 *   <li>{@code --wsrep-on=ON --wsrep-provider=/usr/lib/galera/libgalera_smm.so}: replicate through
 *       Galera (the path {@code dpkg -L galera-4} lists).</li>
 *   <li>{@code --binlog-format=ROW}: Galera replicates row events only.</li>
 *   <li>{@code --default-storage-engine=InnoDB}: only InnoDB tables are replicated.</li>
 *   <li>{@code --innodb-autoinc-lock-mode=2}: interleaved auto-increment; the other modes' table
 *       lock can deadlock the appliers.</li>
 *   <li>{@code --wsrep-cluster-name}: unique per cluster, so two clusters of parallel builds never
 *       merge even if one reaches the other's port.</li>
 *   <li>{@code --wsrep-cluster-address=gcomm://} + {@code --wsrep-new-cluster} on node 1's first
 *       start; every other start names all nodes ({@code gcomm://127.0.0.1:g1,…}) so a restarted
 *       node 1 joins the running cluster instead of founding a second one.</li>
 *   <li>{@code --wsrep-node-address=127.0.0.1:G}, provider options
 *       {@code gmcast.listen_addr=tcp://127.0.0.1:G} and {@code ist.recv_addr=127.0.0.1:I},
 *       {@code --wsrep-sst-receive-address=127.0.0.1:S}: every replication socket on loopback
 *       with a port of this cluster's own (the defaults 4567/4568/4444 would clash with anything
 *       else).</li>
 *   <li>{@code gcache.size=32M}: the write-set cache from which a rejoining node gets IST; the
 *       default 128M file per node is needless disk on a test machine, 32M holds minutes of
 *       bench load.</li>
 *   <li>{@code --wsrep-sst-method=rsync}: the only SST script whose tool is installed with
 *       {@code galera-4} here ({@code mariabackup} is a separate package); {@code .ci/run}
 *       installs {@code rsync} when it is missing.</li>
 *   <li>{@code --user=mysql} when the JVM runs as root (data folders chowned to it): the rsync
 *       SST daemon started by root switches to {@code nobody} and then cannot write a
 *       root-owned data folder.</li>
 * </ul>
 */
public final class ThrowawayGalera implements AutoCloseable {

    /** The provider library of Debian's {@code galera-4}. */
    public static final Path PROVIDER = Path.of("/usr/lib/galera/libgalera_smm.so");

    /** What to install when {@link #PROVIDER} or rsync is missing. */
    public static final String INSTALL_HINT = "apt-get install -y galera-4 rsync";

    private static final Logger LOG = LoggerFactory.getLogger(ThrowawayGalera.class);
    private static final String NODE_OS_USER_WHEN_ROOT = "mysql";
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private static final Object SHARED_LOCK = new Object();
    private static ThrowawayGalera shared;

    private final MariaDbBinaries binaries;
    private final String announcedVersion;
    private final String clusterName;
    private final String extraProviderOptions;
    private final List<Node> nodes = new ArrayList<>();
    private final Set<Integer> portsTaken = new HashSet<>();
    private final Thread shutdownHook;
    private volatile boolean closed;

    private ThrowawayGalera(MariaDbBinaries binaries, String clusterName, String extraProviderOptions) {
        this.binaries = binaries;
        this.announcedVersion = "5.7.19-" + binaries.realVersion() + "-MariaDB";
        this.clusterName = clusterName;
        this.extraProviderOptions = extraProviderOptions;
        this.shutdownHook = new Thread(this::closeQuietly, "throwaway-galera-stop-" + clusterName);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * The JVM-wide 2-node cluster, started on first call and stopped when the test session (or the
     * JVM) ends: test classes share its start, the slow part. A class that kills or pauses a node
     * must bring it back before it ends ({@link #restart(int)}, {@link #resume(int)}).
     */
    public static ThrowawayGalera shared() {
        synchronized (SHARED_LOCK) {
            if (shared == null || shared.closed) {
                shared = start(2);
            }
            return shared;
        }
    }

    /** Stops the shared cluster if it was started (for a test-session listener). */
    public static void stopShared() {
        ThrowawayGalera cluster;
        synchronized (SHARED_LOCK) {
            cluster = shared;
            shared = null;
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    /**
     * Starts a cluster of {@code size} nodes (2 or 3) and returns once every node is synced, ready
     * and sees all {@code size} members.
     *
     * @throws IllegalStateException if MariaDB or galera-4 is not installed or a node does not start
     */
    public static ThrowawayGalera start(int size) {
        return start(size, "");
    }

    /**
     * {@link #start(int)} with extra Galera provider options appended ({@code name=value;…}). With
     * the defaults a paused node is evicted after about 15 s ({@code evs.inactive_timeout}). Tried
     * once and not understood: {@code evs.suspect_timeout=PT2S;evs.inactive_timeout=PT4S} (also with
     * {@code evs.install_timeout=PT4S}) made node 1 exit at start without a reason in its logs.
     */
    public static ThrowawayGalera start(int size, String extraProviderOptions) {
        if (size < 2 || size > 3) {
            throw new IllegalArgumentException("A throwaway Galera cluster has 2 or 3 nodes, not " + size);
        }
        if (!Files.isRegularFile(PROVIDER)) {
            throw new IllegalStateException("Galera's provider " + PROVIDER + " is missing: " + INSTALL_HINT);
        }
        if (!Files.isExecutable(Path.of("/usr/bin/rsync"))) {
            throw new IllegalStateException("rsync (Galera's state transfer here) is missing: " + INSTALL_HINT);
        }
        long begin = System.nanoTime();
        ThrowawayGalera cluster = new ThrowawayGalera(MariaDbBinaries.locate(),
                "cspdesk-" + ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime()),
                extraProviderOptions == null ? "" : extraProviderOptions);
        try {
            Path target = Path.of(System.getProperty("user.dir")).toAbsolutePath().resolve("target");
            Files.createDirectories(target);
            ThrowawayMariaDb.reapStaleInstances(target);
            for (int i = 1; i <= size; i++) {
                cluster.nodes.add(cluster.prepareNode(i, target));
            }
            for (Node node : cluster.nodes) {
                cluster.launch(node, node.index == 1);
                cluster.awaitSynced(node, node.index);
            }
            cluster.awaitClusterSize(size);
            LOG.info("Throwaway Galera cluster {} of {} nodes ready in {} ms: {}", cluster.clusterName, size,
                    (System.nanoTime() - begin) / 1_000_000, cluster.nodes);
            return cluster;
        } catch (IOException e) {
            cluster.close();
            throw new UncheckedIOException("Cannot prepare the throwaway Galera cluster: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    // ------------------------------------------------------------------ accessors

    /** Node {@code index}, counted from 1. */
    public Node node(int index) {
        if (index < 1 || index > nodes.size()) {
            throw new IllegalArgumentException("No node " + index + " in a cluster of " + nodes.size());
        }
        return nodes.get(index - 1);
    }

    /** Number of nodes (running or not). */
    public int size() {
        return nodes.size();
    }

    /** User with all privileges on every node. */
    public String username() {
        return ThrowawayMariaDb.USERNAME;
    }

    public String password() {
        return ThrowawayMariaDb.PASSWORD;
    }

    // ------------------------------------------------------------------ faults

    /** SIGKILL to node {@code index} (no clean shutdown, like a lost machine); returns once it is gone. */
    public void kill(int index) {
        Node node = node(index);
        node.process.destroyForcibly();
        try {
            if (!node.process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("Node " + index + " did not die within " + STOP_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while killing node " + index, e);
        }
    }

    /**
     * Starts node {@code index} again on its own data folder and ports (after {@link #kill(int)}) and
     * returns once it is synced; it rejoins the running nodes and catches up by IST when their
     * write-set cache still holds what it missed (else by SST).
     */
    public void restart(int index) {
        Node node = node(index);
        if (node.process != null && node.process.isAlive()) {
            throw new IllegalStateException("Node " + index + " is still running; kill it first");
        }
        launch(node, false);
        awaitSynced(node, (int) nodes.stream().filter(n -> n.process.isAlive()).count());
    }

    /**
     * SIGSTOP to node {@code index}: it holds its sockets but answers nothing, like a hung machine.
     * Returns once the process is stopped (a signal is delivered asynchronously).
     */
    public void pause(int index) {
        Node node = node(index);
        signal(node, "STOP");
        awaitState(node, true);
    }

    /** SIGCONT to a {@link #pause(int) paused} node; returns once it runs again. */
    public void resume(int index) {
        Node node = node(index);
        signal(node, "CONT");
        awaitState(node, false);
    }

    /** Whether node {@code index}'s process is stopped (paused), from /proc/PID/stat's state letter. */
    public boolean isPaused(int index) {
        return stopped(node(index));
    }

    private static boolean stopped(Node node) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(node.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) == 'T';
        } catch (IOException e) {
            return false; // gone
        }
    }

    private static void awaitState(Node node, boolean stopped) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (stopped(node) != stopped) {
            if (System.nanoTime() > deadline || !node.isRunning()) {
                throw new IllegalStateException("Node " + node.index + " is not " + (stopped ? "stopped" : "running")
                        + " 5 s after the signal");
            }
            ThrowawayMariaDb.sleep(10);
        }
    }

    /**
     * Waits until every running node that is not paused is synced, ready and sees
     * {@code expectedSize} members (e.g. after a kill, a pause, a resume or a restart).
     */
    public void awaitClusterSize(int expectedSize) {
        for (Node node : nodes) {
            if (node.process.isAlive() && !stopped(node)) {
                awaitSynced(node, expectedSize);
            }
        }
    }

    /** Stops every node (SIGCONT first, then SIGTERM; SIGKILL after 30 s) and deletes its folders. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // called from the hook itself or during JVM shutdown
        }
        // Stop the joiners before the first node, all at once: a node that loses its peers one by
        // one would wait for each to time out.
        for (Node node : nodes) {
            if (node.process != null && node.process.isAlive()) {
                signal(node, "CONT");
                node.process.destroy();
            }
        }
        for (Node node : nodes) {
            if (node.process != null) {
                ThrowawayMariaDb.destroy(node.process);
            }
            ThrowawayMariaDb.deleteRecursively(node.dir);
            ThrowawayMariaDb.deleteRecursively(node.socketDir);
        }
        LOG.info("Throwaway Galera cluster {} stopped", clusterName);
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            System.err.println("Could not stop the throwaway Galera cluster " + clusterName + ": " + e);
        }
    }

    @Override
    public String toString() {
        return "ThrowawayGalera[" + clusterName + ", " + nodes + "]";
    }

    // ------------------------------------------------------------------ internals

    private Node prepareNode(int index, Path target) throws IOException {
        Path dir = Files.createTempDirectory(target, ThrowawayMariaDb.INSTANCE_DIR_PREFIX + "galera" + index + "-");
        Path socketDir = Files.createTempDirectory(ThrowawayMariaDb.shortTempRoot(), ThrowawayMariaDb.SOCKET_DIR_PREFIX);
        try {
            Files.createDirectories(dir.resolve("tmp"));
            ThrowawayMariaDb.writeInstanceFile(dir, socketDir, -1);
            if (index == 1) {
                ThrowawayMariaDb.writeInitFile(dir.resolve("init.sql"));
            }
            String osUser = ThrowawayMariaDb.runsAsRoot() ? NODE_OS_USER_WHEN_ROOT : null;
            if (osUser != null) {
                chown(osUser, dir, socketDir); // temporary directories are mode 700: the server must enter them
            }
            ThrowawayMariaDb.install(binaries, dir.resolve("data"), dir.resolve("install.log"), osUser);
            return new Node(index, dir, socketDir, unusedPort(), unusedPort(), unusedPort(), unusedPort());
        } catch (IOException | RuntimeException e) {
            ThrowawayMariaDb.deleteRecursively(socketDir); // the node folder stays for inspection; the reaper takes it
            throw e;
        }
    }

    /** A free port on 127.0.0.1 that no other port of this cluster has (the system may hand one out twice). */
    private int unusedPort() throws IOException {
        while (true) {
            int port = ThrowawayMariaDb.freePort();
            if (portsTaken.add(port)) {
                return port;
            }
        }
    }

    private void launch(Node node, boolean bootstrap) {
        String others = nodes.stream().map(n -> "127.0.0.1:" + n.galeraPort).collect(Collectors.joining(","));
        List<String> galera = new ArrayList<>(List.of(
                "--binlog-format=ROW",
                "--default-storage-engine=InnoDB",
                "--innodb-autoinc-lock-mode=2",
                "--wsrep-on=ON",
                "--wsrep-provider=" + PROVIDER,
                "--wsrep-cluster-name=" + clusterName,
                "--wsrep-node-name=node" + node.index,
                "--wsrep-node-address=127.0.0.1:" + node.galeraPort,
                "--wsrep-provider-options=gmcast.listen_addr=tcp://127.0.0.1:" + node.galeraPort
                        + ";ist.recv_addr=127.0.0.1:" + node.istPort
                        + ";gcache.size=32M"
                        + (extraProviderOptions.isBlank() ? "" : ";" + extraProviderOptions),
                "--wsrep-sst-method=rsync",
                "--wsrep-sst-receive-address=127.0.0.1:" + node.sstPort,
                "--wsrep-cluster-address=gcomm://" + (bootstrap ? "" : others)));
        if (bootstrap) {
            galera.add("--wsrep-new-cluster");
        }
        Path initFile = node.index == 1 && bootstrap ? node.dir.resolve("init.sql") : null;
        List<String> command = ThrowawayMariaDb.serverCommand(binaries, announcedVersion, node.dir.resolve("data"),
                node.socketDir, node.errorLog(), node.dir, initFile, node.port,
                ThrowawayMariaDb.runsAsRoot() ? NODE_OS_USER_WHEN_ROOT : null, galera);
        try {
            node.process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(node.dir.resolve("console.log").toFile()))
                    .directory(node.dir.toFile())
                    .start();
            ThrowawayMariaDb.writeInstanceFile(node.dir, node.socketDir, node.process.pid());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Galera node " + node.index + ": " + e.getMessage(), e);
        }
        node.command = command;
    }

    /** Polls (bounded) until the node accepts the test user, is Synced, ready and sees {@code expectedSize} members. */
    private void awaitSynced(Node node, int expectedSize) {
        String url = node.jdbcUrl() + "&connectTimeout=1000&socketTimeout=5000";
        long deadline = System.nanoTime() + JOIN_TIMEOUT.toNanos();
        String last = "no connection yet";
        while (System.nanoTime() < deadline) {
            if (!node.process.isAlive()) {
                throw new IllegalStateException("Galera node " + node.index + " exited with code "
                        + node.process.exitValue() + "\nCommand: " + String.join(" ", node.command)
                        + "\n--- tail of " + node.errorLog() + " ---\n" + ThrowawayMariaDb.tail(node.errorLog())
                        + "\n--- tail of console.log ---\n" + ThrowawayMariaDb.tail(node.dir.resolve("console.log")));
            }
            try (Connection connection = DriverManager.getConnection(url, username(), password())) {
                Map<String, String> status = wsrepStatus(connection);
                last = status.toString();
                if ("ON".equals(status.get("wsrep_ready"))
                        && "Synced".equals(status.get("wsrep_local_state_comment"))
                        && String.valueOf(expectedSize).equals(status.get("wsrep_cluster_size"))) {
                    return;
                }
            } catch (SQLException e) {
                last = e.getMessage();
            }
            ThrowawayMariaDb.sleep(100);
        }
        throw new IllegalStateException("Galera node " + node.index + " not synced in a cluster of " + expectedSize
                + " within " + JOIN_TIMEOUT.toSeconds() + " s; last: " + last
                + "\n--- tail of " + node.errorLog() + " ---\n" + ThrowawayMariaDb.tail(node.errorLog()));
    }

    private static Map<String, String> wsrepStatus(Connection connection) throws SQLException {
        Map<String, String> status = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW STATUS WHERE Variable_name IN"
                     + " ('wsrep_ready', 'wsrep_local_state_comment', 'wsrep_cluster_size', 'wsrep_cluster_status')")) {
            while (rs.next()) {
                status.put(rs.getString(1), rs.getString(2));
            }
        }
        return status;
    }

    private static void signal(Node node, String signal) {
        if (node.process == null || !node.process.isAlive()) {
            return;
        }
        run(List.of("kill", "-" + signal, Long.toString(node.process.pid())));
    }

    private static void chown(String user, Path... paths) {
        List<String> command = new ArrayList<>(List.of("chown", "-R", user + ":" + user));
        for (Path path : paths) {
            command.add(path.toString());
        }
        run(command);
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(String.join(" ", command) + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + String.join(" ", command), e);
        }
    }

    /** One node: its folders and ports stay the same across {@link #kill(int)} and {@link #restart(int)}. */
    public static final class Node {
        private final int index;
        private final Path dir;
        private final Path socketDir;
        private final int port;
        private final int galeraPort;
        private final int istPort;
        private final int sstPort;
        private volatile Process process;
        private volatile List<String> command = List.of();

        private Node(int index, Path dir, Path socketDir, int port, int galeraPort, int istPort, int sstPort) {
            this.index = index;
            this.dir = dir;
            this.socketDir = socketDir;
            this.port = port;
            this.galeraPort = galeraPort;
            this.istPort = istPort;
            this.sstPort = sstPort;
        }

        /** JDBC URL of the {@value ThrowawayMariaDb#DATABASE} database on this node. */
        public String jdbcUrl() {
            return jdbcUrl(ThrowawayMariaDb.DATABASE);
        }

        /** JDBC URL of the named database on this node (with {@link ThrowawayMariaDb#JDBC_URL_OPTIONS}). */
        public String jdbcUrl(String database) {
            return "jdbc:mysql://" + ThrowawayMariaDb.HOST + ":" + port + "/" + database + "?"
                    + ThrowawayMariaDb.JDBC_URL_OPTIONS;
        }

        /** Micronaut data-source properties for {@code datasources.default} on this node. */
        public Map<String, String> properties() {
            return properties(jdbcUrl());
        }

        /** Micronaut data-source properties for {@code datasources.default} at that JDBC URL of this node. */
        public Map<String, String> properties(String jdbcUrl) {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("datasources.default.url", jdbcUrl);
            properties.put("datasources.default.username", ThrowawayMariaDb.USERNAME);
            properties.put("datasources.default.password", ThrowawayMariaDb.PASSWORD);
            properties.put("datasources.default.driver-class-name", "com.mysql.cj.jdbc.Driver");
            properties.put("datasources.default.dialect", "MYSQL");
            return Map.copyOf(properties);
        }

        /** A new connection to this node's {@value ThrowawayMariaDb#DATABASE} database; the caller closes it. */
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl(), ThrowawayMariaDb.USERNAME, ThrowawayMariaDb.PASSWORD);
        }

        /** Client TCP port on 127.0.0.1. */
        public int port() {
            return port;
        }

        /** Galera replication port (gmcast) on 127.0.0.1. */
        public int galeraPort() {
            return galeraPort;
        }

        /** Process id of the node's current mariadbd. */
        public long pid() {
            return process.pid();
        }

        /** Whether the node's mariadbd is alive (a paused one is). */
        public boolean isRunning() {
            return process != null && process.isAlive();
        }

        /** The node's folder under {@code target/} (data, logs); deleted at close. */
        public Path directory() {
            return dir;
        }

        Path errorLog() {
            return dir.resolve("error.log");
        }

        @Override
        public String toString() {
            return "node" + index + "[client " + port + ", galera " + galeraPort + ", ist " + istPort + ", sst "
                    + sstPort + "]";
        }
    }
}
