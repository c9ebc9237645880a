package com.cspdesk.bench;

import com.cspdesk.adapters.persistence.testing.ThrowawayGalera;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The run's Galera cluster (the project's test harness, {@link ThrowawayGalera}: N nodes on 127.0.0.1), with
 * what the cluster suite needs on top: a node's own JDBC URL, the multi-host URL of a product instance, a node's
 * wsrep status, and a wait until every node is back in the primary component and synced.
 */
final class Galera implements AutoCloseable {

    private static final Pattern HOST_AND_PORT = Pattern.compile("//127\\.0\\.0\\.1:\\d+/");

    private final ThrowawayGalera cluster;
    private final int size;

    private Galera(ThrowawayGalera cluster, int size) {
        this.cluster = cluster;
        this.size = size;
    }

    /**
     * Starts {@code nodes} nodes. A paused node is suspected after 2 s and evicted after 4 s of silence (Galera's
     * defaults are 5 s and 15 s): the group stalls until then, so short timeouts keep the pause fault bounded.
     * Keep-alives every 0.5 s: Galera refuses a keep-alive period of a third of the suspect timeout or more.
     */
    static Galera start(int nodes) {
        return new Galera(ThrowawayGalera.start(nodes, EVICTION), nodes);
    }

    static final String EVICTION = "evs.keepalive_period=PT0.5S;evs.suspect_timeout=PT2S;evs.inactive_timeout=PT4S";

    int size() {
        return size;
    }

    /** Node {@code i} alone, counted from 0 here (the harness counts from 1; the report names node i + 1). */
    Database node(int i) {
        return Database.of(cluster.node(i + 1).jdbcUrl(), cluster.username(), cluster.password());
    }


    /**
     * Connector/J's failover URL for the product instance that writes through node {@code first}: that node, then
     * the others in order. A new connection goes to the first node that answers, so when the instance's own node
     * dies, the pool's next connections land on a survivor without a load balancer and without a restart.
     * <ul>
     *   <li>{@code failOverReadOnly=false}: a failed-over connection still writes (the default makes it read-only,
     *       which suits a primary/replica pair, not a multi-primary cluster);</li>
     *   <li>{@code secondsBeforeRetrySource=30}: a connection that failed over tries its own node again after 30 s,
     *       so writes spread over the nodes again once the node is back;</li>
     *   <li>{@code connectTimeout=2000}, {@code socketTimeout=10000}: a node paused (or cut off) accepts TCP but never
     *       answers; without a socket timeout a statement waits for ever, with it the connection is given up and
     *       the next one fails over;</li>
     *   <li>{@code sessionVariables=wsrep_sync_wait=7}: a transaction's first statement waits until the node has
     *       applied every write set the cluster committed before it (read-your-writes across nodes: an order
     *       acknowledged through one node is found through another, and a retried key is not placed twice). Not 1
     *       (reads only): the wait happens at a transaction's first statement only, and the product's writes begin
     *       with the idempotency claim, an INSERT; with 1 the cancel's read after it saw the node's stale state
     *       (404 for an order acknowledged a moment before through another node; the first run of the suite).</li>
     * </ul>
     */
    Database instanceUrl(int first) {
        List<String> hosts = new ArrayList<>();
        for (int k = 0; k < size; k++) {
            hosts.add("127.0.0.1:" + cluster.node((first + k) % size + 1).port());
        }
        String url = node(first).jdbcUrl();
        Matcher m = HOST_AND_PORT.matcher(url);
        if (!m.find()) {
            throw new IllegalStateException("unexpected node URL " + url);
        }
        String multi = url.substring(0, m.start()) + "//" + String.join(",", hosts) + "/" + url.substring(m.end())
                + (url.contains("?") ? "&" : "?") + FAILOVER_OPTIONS;
        return Database.of(multi, cluster.username(), cluster.password());
    }

    static final String FAILOVER_OPTIONS = "failOverReadOnly=false&secondsBeforeRetrySource=30"
            + "&connectTimeout=2000&socketTimeout=10000&sessionVariables=wsrep_sync_wait=7";

    Connection connect(int i) throws SQLException {
        return connect(i, 2_000, 10_000);
    }

    /** A connection straight to node {@code i} with these timeouts (ms); a hung node fails it after them. */
    Connection connect(int i, int connectTimeoutMs, int socketTimeoutMs) throws SQLException {
        Database node = node(i);
        return DriverManager.getConnection(node.jdbcUrl() + "&connectTimeout=" + connectTimeoutMs + "&socketTimeout="
                + socketTimeoutMs, node.username(), node.password());
    }

    /**
     * Whether node {@code i} would commit a transaction now: it answers within {@code timeoutMs}, is in the primary
     * component ({@code wsrep_cluster_status} Primary) and ready ({@code wsrep_ready} ON). A killed, paused or
     * partitioned node would not.
     */
    boolean canCommit(int i, int timeoutMs) {
        Map<String, String> status = status(i, timeoutMs, timeoutMs);
        return "ON".equalsIgnoreCase(status.get("wsrep_ready")) && "Primary".equalsIgnoreCase(status.get("wsrep_cluster_status"));
    }

    /** The node's wsrep status variables (empty when it does not answer). */
    Map<String, String> status(int i) {
        return status(i, 2_000, 10_000);
    }

    private Map<String, String> status(int i, int connectTimeoutMs, int socketTimeoutMs) {
        Map<String, String> status = new LinkedHashMap<>();
        try (Connection c = connect(i, connectTimeoutMs, socketTimeoutMs); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE 'wsrep%'")) {
            while (rs.next()) {
                status.put(rs.getString(1).toLowerCase(), rs.getString(2));
            }
        } catch (SQLException e) {
            return Map.of();
        }
        return status;
    }


    /** Waits (at most {@code seconds}) until every node is Synced in a primary component of full size; whether it was. */
    boolean awaitSynced(int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            boolean all = true;
            java.util.Set<String> views = new java.util.HashSet<>();
            for (int i = 0; i < size && all; i++) {
                Map<String, String> s = status(i);
                all = "Synced".equals(s.get("wsrep_local_state_comment")) && "Primary".equals(s.get("wsrep_cluster_status"))
                        && "ON".equals(s.get("wsrep_ready")) && String.valueOf(size).equals(s.get("wsrep_cluster_size"));
                // A node just resumed still reports the view it had before its pause (Synced, full size) until it
                // learns it was evicted: only the same configuration id on every node means one view.
                views.add(s.get("wsrep_cluster_conf_id"));
            }
            all = all && views.size() == 1;
            if (all) {
                return true;
            }
            Db.sleep(200);
        }
        return false;
    }

    /** SIGKILL, keeping the node's data. */
    void kill(int i) {
        cluster.kill(i + 1);
    }

    /** Starts the killed node again on its data and ports (it rejoins by IST). */
    void restart(int i) {
        cluster.restart(i + 1);
    }

    /** SIGSTOP: the node keeps its sockets open and answers nothing. */
    void pause(int i) {
        cluster.pause(i + 1);
    }

    /** SIGCONT. */
    void resume(int i) {
        cluster.resume(i + 1);
    }

    /** Keeps each node's error log in {@code out} (the harness deletes the node's folder when it stops it). */
    void keepErrorLogs(java.nio.file.Path out) {
        for (int i = 0; i < size; i++) {
            try {
                java.nio.file.Files.copy(cluster.node(i + 1).directory().resolve("error.log"),
                        out.resolve("cluster-node-" + (i + 1) + "-error.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (java.io.IOException e) {
                System.out.println("no error log of node " + (i + 1) + ": " + e);
            }
        }
    }

    @Override
    public void close() {
        cluster.close();
    }
}
