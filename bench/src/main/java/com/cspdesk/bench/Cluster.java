package com.cspdesk.bench;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The cluster suite (issue #19): a 3-node MariaDB Galera cluster on 127.0.0.1, three product instances (each
 * writing through its own node, the others as Connector/J failover hosts), an order and cancel load spread over
 * the instances, and three faults under that load — a database node SIGKILLed and started again, a product
 * instance SIGKILLed, a node paused (SIGSTOP) until the others evict it, then resumed. Checks as in the fault
 * suite; figures of one plain node against the cluster with 1, 2 and 3 instances. Every loop bounded in count
 * and time; exits 1 when a check fails.
 */
public final class Cluster {

    private static final int NODES = 3;
    private static final int FIGURE_CLIENTS = 16;
    private static final int FAULT_CLIENTS = 9;
    /** A request the product has not answered in this time counts as unanswered (status 0). */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern EVS_INACTIVE = Pattern.compile("evs\\.inactive_timeout\\s*=\\s*PT([0-9.]+)S");

    private final Report report = new Report();
    private final Map<String, String> verdicts = new LinkedHashMap<>();
    private final Path out;
    private final boolean quick;
    private boolean failed;

    private Cluster(List<String> args) {
        quick = args.contains("--quick");
        int o = args.indexOf("--out");
        out = Path.of(o >= 0 ? args.get(o + 1) : "out").toAbsolutePath();
    }

    public static void main(String[] args) throws Exception {
        Cluster cluster = new Cluster(List.of(args));
        cluster.run();
        System.exit(cluster.failed ? 1 : 0);
    }

    private void check(String name, boolean ok, String figure) {
        verdicts.put(name, figure + "|" + (ok ? "pass" : "FAIL"));
        if (!ok) {
            failed = true;
        }
    }

    /** One request of the load: an order placed or an order cancelled, on one instance. */
    private record Call(String kind, String key, String tenant, String orderId, int instance, long start, long end,
                        int status, boolean problem) {
        boolean done() {
            return kind.equals("order") ? status == 201 : status == 200;
        }
    }

    /** The load's idempotency keys and what became of them (filled by the clients, completed at the end). */
    private static final class Ledger {
        final Map<String, String> orderBodies = new java.util.concurrent.ConcurrentHashMap<>();
        final Map<String, String> tenantOfKey = new java.util.concurrent.ConcurrentHashMap<>();
        final Map<String, String> acknowledgedOrders = new java.util.concurrent.ConcurrentHashMap<>();
        /** cancel key → order id; and the cancels acknowledged (200). */
        final Map<String, String> cancelOrderOfKey = new java.util.concurrent.ConcurrentHashMap<>();
        final Set<String> acknowledgedCancels = java.util.concurrent.ConcurrentHashMap.newKeySet();
    }

    private void run() throws Exception {
        long begin = System.nanoTime();
        Files.createDirectories(out);
        Path built = Path.of(System.getProperty("bench.jar", "../bootstrap/target/cspdesk.jar")).toAbsolutePath().normalize();
        Path jar = out.resolve("cspdesk-cluster.jar");
        Files.copy(built, jar, StandardCopyOption.REPLACE_EXISTING);
        report.note("# CSP Software Desk on a 3-node Galera cluster" + (quick ? " (--quick)" : ""));
        report.note("Load average at the start: " + Bench.sh("cut -d' ' -f1-3 /proc/loadavg").strip() + ".");
        String secret = Product.randomSecret();
        Path store = out.resolve("software-cluster");
        Duration measure = Duration.ofSeconds(quick ? 6 : 10);
        Duration warmup = Duration.ofSeconds(quick ? 2 : 3);

        Map<String, LoadDriver.Result> figures = new LinkedHashMap<>();
        // One plain node first, alone on the machine: the reference the cluster is compared with.
        try (Db db = Db.start(256L << 20)) {
            Product plain = Product.start(jar, db, store, out.resolve("cluster-plain.log"), true, secret, List.of());
            try {
                figures.put("one plain MariaDB node, 1 instance", orders(List.of(plain), db, "plain", warmup, measure));
            } finally {
                plain.close();
            }
        }

        List<Product> started = new ArrayList<>();
        try (Galera galera = Galera.start(NODES)) {
            try {
                report.note(String.format("Galera: %d nodes, cluster size %s, state %s; evs.inactive_timeout %.0f s.", NODES,
                        galera.status(0).get("wsrep_cluster_size"), galera.status(0).get("wsrep_local_state_comment"),
                        inactiveTimeoutSeconds(galera)));
                started.addAll(startAtOnce(galera, jar, store, secret));
                Map<Integer, long[]> conflictsBefore = conflicts(galera);
                for (int k = 1; k <= NODES; k++) {
                    figures.put("Galera, " + NODES + " nodes, " + k + " instance" + (k > 1 ? "s" : ""),
                            orders(started.subList(0, k), galera.node(0), "galera" + k, warmup, measure));
                }
                figuresTable(figures, conflictsBefore, conflicts(galera));
                faults(galera, started, jar);
            } finally {
                started.forEach(Product::close);
                galera.keepErrorLogs(out);
            }
        }

        report.title("Summary");
        report.table("check", "figure", "result");
        verdicts.forEach((k, v) -> report.row(k, v.split("\\|", 2)[0], v.split("\\|", 2)[1]));
        report.note(String.format("%nWhole run: %.0f s. Load average at the end: %s.", (System.nanoTime() - begin) / 1e9,
                Bench.sh("cut -d' ' -f1-3 /proc/loadavg").strip()));
        Path file = out.resolve(quick ? "cluster-quick.md" : "cluster.md");
        report.writeTo(file);
        System.out.println(report.text());
        System.out.println("Written to " + file + (failed ? " — SOME CHECKS FAILED" : " — all checks passed"));
    }

    /**
     * The three instances started at the same moment, each through its own node, on the empty database: the
     * migration lease lets one migrate while the others wait (docs/scale-out.md, "Migrations on a cluster"),
     * so every run tries what a rolling deploy or a restart of everything does.
     */
    private List<Product> startAtOnce(Galera galera, Path jar, Path store, String secret) throws Exception {
        ExecutorService starting = Executors.newFixedThreadPool(NODES);
        List<Future<Product>> starts = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            int node = i;
            starts.add(starting.submit(() -> Product.start(jar, galera.instanceUrl(node), store,
                    out.resolve("cluster-" + (char) ('a' + node) + ".log"), true, secret, List.of())));
        }
        starting.shutdown();
        List<Product> products = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Future<Product> start : starts) {
            try {
                products.add(start.get());
            } catch (ExecutionException e) {
                failures.add(String.valueOf(e.getCause()));
            }
        }
        String times = products.stream().map(p -> Report.f1(p.startup().toMillis() / 1000.0) + " s").collect(Collectors.joining(", "));
        check("three instances started at once on the empty cluster (one migrates, the others wait for its lease)",
                failures.isEmpty(), failures.isEmpty() ? "started in " + times : String.join("; ", failures));
        if (!failures.isEmpty()) {
            products.forEach(Product::close);
            throw new IllegalStateException("instances did not start together: " + failures);
        }
        return products;
    }

    // ------------------------------------------------------------------------------------ figures

    /** Customers of their own (so a figure's orders never mix with the fault load's), created over HTTP. */
    private static List<DataSet.Customer> customers(Http http, String agent, String label, int count) {
        List<DataSet.Customer> customers = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            String name = "Cluster " + label + " " + c + " GmbH";
            Http.Reply created = http.json("POST", "/v1/customers", agent, Map.of("companyProfile", Map.of("companyName", name,
                    "domain", label + "-" + c + "-" + UUID.randomUUID().toString().substring(0, 8) + ".bench.example"),
                    "billingProfile", Map.of("country", "DE")));
            if (created.status() != 201) {
                throw new IllegalStateException("cannot create a customer: " + created.status() + " " + created.text());
            }
            customers.add(new DataSet.Customer(created.json().path("id").asText(), name, "DE", "EUR"));
        }
        return customers;
    }

    /** Orders placed by {@value #FIGURE_CLIENTS} closed-loop clients spread over {@code instances}, each with its own key. */
    private static LoadDriver.Result orders(List<Product> instances, Database db, String label, Duration warmup, Duration measure)
            throws Exception {
        List<Http> https = instances.stream().map(p -> new Http(p.base(), REQUEST_TIMEOUT)).toList();
        String agent = https.get(0).login("admin.agent@partner.demo", Faults.DEMO_PASSWORD);
        DataSet data;
        try (Connection c = java.sql.DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
            data = DataSet.readCatalog(c);
        }
        List<DataSet.Customer> customers = customers(https.get(0), agent, label, FIGURE_CLIENTS);
        LoadDriver.Result result = LoadDriver.run("orders " + label, FIGURE_CLIENTS, warmup, measure, 200_000, 201, (client, seq) -> {
            DataSet.Customer customer = customers.get(client);
            Http http = https.get(client % https.size());
            return http.send(http.request("/v1/customers/" + customer.tenantId() + "/orders")
                    .header("Authorization", "Bearer " + agent).header("Content-Type", "application/json")
                    .header("MS-RequestId", label + "-" + seq + "-" + UUID.randomUUID())
                    .POST(HttpRequest.BodyPublishers.ofString(Faults.orderBody(data, customer, (int) seq))).build()).status();
        });
        System.out.println(result);
        return result;
    }

    private void figuresTable(Map<String, LoadDriver.Result> figures, Map<Integer, long[]> before, Map<Integer, long[]> after) {
        report.title("Orders/s and p99: one plain node against the cluster (" + FIGURE_CLIENTS + " clients)");
        report.table("setup", "orders/s", "p50 ms", "p99 ms", "answers (status: count)");
        figures.forEach((name, r) -> report.row(name, Report.f0(r.perSecond()), Report.f1(r.p50()), Report.f1(r.p99()), r.outcomes()));
        report.table("node", "certification failures", "brute-force aborts");
        after.forEach((node, v) -> report.row("node " + (node + 1), v[0] - before.get(node)[0], v[1] - before.get(node)[1]));
        double plain = figures.values().iterator().next().perSecond();
        figures.values().stream().skip(1).forEach(r -> {
            // Figures are reported, not judged: on two shared cores the cluster cannot be faster (see docs/scale-out.md).
            verdicts.put("figure: " + r.name() + " orders/s against the plain node", Report.f0(r.perSecond()) + " vs "
                    + Report.f0(plain) + " (" + Report.ratio(r.perSecond(), plain) + "×)|note");
        });
        check("figures: every order answered 201 in the measured windows",
                figures.values().stream().allMatch(r -> r.failed() == 0),
                figures.values().stream().map(r -> String.valueOf(r.failed())).collect(Collectors.joining(" / ")) + " not 201");
    }

    /** wsrep_local_cert_failures and wsrep_local_bf_aborts of each node (counted since the node's start). */
    private static Map<Integer, long[]> conflicts(Galera galera) {
        Map<Integer, long[]> counts = new TreeMap<>();
        for (int i = 0; i < galera.size(); i++) {
            Map<String, String> s = galera.status(i);
            counts.put(i, new long[]{Long.parseLong(s.getOrDefault("wsrep_local_cert_failures", "0")),
                    Long.parseLong(s.getOrDefault("wsrep_local_bf_aborts", "0"))});
        }
        return counts;
    }

    private static double inactiveTimeoutSeconds(Galera galera) {
        try (Connection c = galera.connect(0); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT @@GLOBAL.wsrep_provider_options")) {
            rs.next();
            Matcher m = EVS_INACTIVE.matcher(rs.getString(1));
            return m.find() ? Double.parseDouble(m.group(1)) : 15;
        } catch (java.sql.SQLException e) {
            return 15;
        }
    }

    // ------------------------------------------------------------------------------------ faults

    /** A fault and when the load may see a 503 or an unanswered request because of it. */
    private interface Fault {
        /** Runs the fault (in the calling thread) while the load runs; returns the windows, ns from the phase start. */
        Windows inflict(long phaseStart);
    }

    /**
     * {@code settled}: intervals in which at least one node can commit and every instance has had time to notice
     * (no 503 allowed); {@code instanceDown}: the instance that is dead, and when (unanswered requests to it are
     * the client's cue to fail over).
     */
    private record Windows(String what, List<long[]> settled, int instanceDown, long[] downInterval, List<long[]> noCommit) {

        Windows(String what, List<long[]> settled, int instanceDown, long[] downInterval) {
            this(what, settled, instanceDown, downInterval, List.of());
        }

        Windows withNoCommit(List<long[]> observed) {
            return new Windows(what, settled, instanceDown, downInterval, observed);
        }

        /**
         * Whether a 503 for a request sent at {@code t} counts against the product: sent in a settled interval and not
         * while (or within {@link #NOTICE} after) no node could commit, as {@link CommitWatch} observed.
         */
        boolean misplaced503(long t) {
            return within(settled, t) && noCommit.stream().noneMatch(iv -> t >= iv[0]
                    && (iv[1] == Long.MAX_VALUE || t < iv[1] + NOTICE));
        }

        /** How long after a node can commit again an instance may still answer 503 (its gate's probe, its pool). */
        static final long NOTICE = TimeUnit.SECONDS.toNanos(5);
    }

    private void faults(Galera galera, List<Product> started, Path jar) throws Exception {
        AtomicReferenceArray<Http> instances = new AtomicReferenceArray<>(NODES);
        for (int i = 0; i < NODES; i++) {
            instances.set(i, new Http(started.get(i).base(), REQUEST_TIMEOUT));
        }
        Http first = instances.get(0);
        String agent = first.login("admin.agent@partner.demo", Faults.DEMO_PASSWORD);
        String global = first.login("global.admin@partner.demo", Faults.DEMO_PASSWORD);
        DataSet data;
        try (Connection c = galera.connect(0)) {
            data = DataSet.readCatalog(c);
        }
        List<DataSet.Customer> customers = customers(first, agent, "faults", 12);
        Ledger ledger = new Ledger();
        List<Product> originals = List.copyOf(started);
        long second = TimeUnit.SECONDS.toNanos(1);
        long faultAt = (quick ? 3 : 4) * second;
        double inactive = inactiveTimeoutSeconds(galera);
        Map<String, List<Call>> calls = new LinkedHashMap<>();
        Map<String, Windows> windows = new LinkedHashMap<>();
        Map<String, Double> resync = new LinkedHashMap<>();

        // (a) A database node killed and started again: it rejoins by IST (the others kept the write sets it missed).
        long downFor = (quick ? 6 : 8) * second;
        run("a. node 2 SIGKILLed, restarted after " + downFor / second + " s", (quick ? 18 : 24), instances, customers, data,
                agent, ledger, galera, calls, windows, resync, phaseStart -> {
                    sleepUntil(phaseStart + faultAt);
                    long killed = System.nanoTime() - phaseStart;
                    galera.kill(1);
                    sleepUntil(phaseStart + faultAt + downFor);
                    long restarting = System.nanoTime() - phaseStart;
                    galera.restart(1);
                    long back = System.nanoTime() - phaseStart;
                    report.note(String.format("Node 2 killed at %.1f s, restart begun at %.1f s, answering at %.1f s.",
                            killed / 1e9, restarting / 1e9, back / 1e9));
                    return new Windows("node 2 down", List.of(new long[]{killed + 3 * second, restarting},
                            new long[]{back + 5 * second, Long.MAX_VALUE}), -1, null);
                });

        // (b) A product instance killed; its clients fail over to the others with the same keys; started again.
        run("b. instance C SIGKILLed, started again", (quick ? 18 : 24), instances, customers, data, agent, ledger, galera,
                calls, windows, resync, phaseStart -> {
                    sleepUntil(phaseStart + faultAt);
                    long killed = System.nanoTime() - phaseStart;
                    int exit = started.get(2).kill();
                    sleepUntil(phaseStart + faultAt + downFor);
                    Product again = started.get(2).startAgain(out.resolve("cluster-c-restarted.log"));
                    started.set(2, again);
                    instances.set(2, new Http(again.base(), REQUEST_TIMEOUT));
                    long back = System.nanoTime() - phaseStart;
                    report.note(String.format("Instance C killed at %.1f s (exit %d), started again, answering at %.1f s.",
                            killed / 1e9, exit, back / 1e9));
                    return new Windows("instance C down", List.<long[]>of(new long[]{0, Long.MAX_VALUE}), 2,
                            new long[]{killed, back});
                });

        // (c) A node paused past evs.inactive_timeout: the other two evict it and go on; resumed, it rejoins.
        long pausedFor = (long) ((inactive + (quick ? 10 : 14)) * second);
        run(String.format("c. node 3 paused (SIGSTOP) for %.0f s, then resumed", pausedFor / 1e9),
                (int) ((faultAt + pausedFor) / second) + (quick ? 10 : 14), instances, customers, data, agent, ledger, galera,
                calls, windows, resync, phaseStart -> {
                    sleepUntil(phaseStart + faultAt);
                    long paused = System.nanoTime() - phaseStart;
                    galera.pause(2);
                    sleepUntil(phaseStart + faultAt + pausedFor);
                    long resumed = System.nanoTime() - phaseStart;
                    galera.resume(2);
                    report.note(String.format("Node 3 paused at %.1f s, resumed at %.1f s.", paused / 1e9, resumed / 1e9));
                    // Until the eviction nobody commits (the group waits for the silent member); then an instance whose
                    // connections hang on the paused node gives them up after Connector/J's socketTimeout (10 s).
                    long settledFrom = paused + (long) ((inactive + 12) * second);
                    return new Windows("node 3 paused", List.of(new long[]{settledFrom, resumed},
                            new long[]{resumed + 15 * second, Long.MAX_VALUE}), -1, null);
                });

        // Every key that did not get its answer during the load is retried now, with the same MS-RequestId.
        long retried = completeLedger(ledger, instances, agent);
        boolean synced = galera.awaitSynced(120);
        verify(galera, instances, global, customers, ledger, calls, windows, resync, originals, started, retried, synced);
    }

    private void run(String name, int seconds, AtomicReferenceArray<Http> instances, List<DataSet.Customer> customers,
                     DataSet data, String agent, Ledger ledger, Galera galera, Map<String, List<Call>> calls,
                     Map<String, Windows> windows, Map<String, Double> resync, Fault fault) throws Exception {
        System.out.println("== " + name);
        ConcurrentLinkedQueue<Call> log = new ConcurrentLinkedQueue<>();
        long phaseStart = System.nanoTime();
        long end = phaseStart + TimeUnit.SECONDS.toNanos(seconds);
        AtomicInteger count = new AtomicInteger();
        String phase = name.substring(0, 1);
        ExecutorService pool = Executors.newFixedThreadPool(FAULT_CLIENTS);
        for (int c = 0; c < FAULT_CLIENTS; c++) {
            int client = c;
            pool.execute(() -> {
                for (int n = 0; System.nanoTime() < end && count.incrementAndGet() < 50_000; n++) {
                    DataSet.Customer customer = customers.get((client + n * FAULT_CLIENTS) % customers.size());
                    String key = "cluster-" + phase + "-" + client + "-" + n;
                    ledger.orderBodies.put(key, Faults.orderBody(data, customer, n));
                    ledger.tenantOfKey.put(key, customer.tenantId());
                    String orderId = untilDone(log, instances, client, end, phaseStart,
                            i -> place(instances.get(i), i, agent, key, customer.tenantId(), ledger.orderBodies.get(key), phaseStart));
                    if (orderId != null) {
                        ledger.acknowledgedOrders.put(key, orderId);
                        if (n % 3 == 0) {
                            String cancelKey = key + "-cancel";
                            ledger.cancelOrderOfKey.put(cancelKey, orderId);
                            if (untilDone(log, instances, client + 1, end, phaseStart,
                                    i -> cancel(instances.get(i), i, agent, cancelKey, customer.tenantId(), orderId, phaseStart)) != null) {
                                ledger.acknowledgedCancels.add(cancelKey);
                            }
                        }
                    }
                }
            });
        }
        Windows w;
        try (CommitWatch watch = new CommitWatch(galera, phaseStart)) {
            w = fault.inflict(phaseStart);
            pool.shutdown();
            pool.awaitTermination(seconds + 120, TimeUnit.SECONDS);
            w = w.withNoCommit(watch.noCommit());
            report.note("No node could commit (observed, s from the phase start): " + watch.describe() + ".");
        }
        long syncing = System.nanoTime();
        boolean synced = galera.awaitSynced(180);
        resync.put(name, synced ? (System.nanoTime() - syncing) / 1e9 : Double.NaN);
        calls.put(name, new ArrayList<>(log));
        windows.put(name, w);
    }

    /**
     * Sends one request until it is answered as done: first to the client's own instance, after a failure to the
     * next one (a client that sees an instance fail goes elsewhere, with the same key). Until {@code end} plus 20 s.
     */
    private static String untilDone(ConcurrentLinkedQueue<Call> log, AtomicReferenceArray<Http> instances, int client,
                                    long end, long phaseStart, java.util.function.IntFunction<Call> send) {
        long giveUp = end + TimeUnit.SECONDS.toNanos(20);
        for (int attempt = 0; attempt < 30 && System.nanoTime() < giveUp; attempt++) {
            Call call = send.apply((client + attempt) % instances.length());
            log.add(call);
            if (call.done()) {
                return call.orderId();
            }
            if (call.status() >= 400 && call.status() < 500) {
                return null; // a refusal is final; counted by the checks
            }
            Db.sleep(100);
        }
        return null;
    }

    private static Call place(Http http, int instance, String agent, String key, String tenant, String body, long phaseStart) {
        long t0 = System.nanoTime();
        try {
            Http.Reply r = http.send(http.request("/v1/customers/" + tenant + "/orders")
                    .header("Authorization", "Bearer " + agent).header("Content-Type", "application/json")
                    .header("MS-RequestId", key).POST(HttpRequest.BodyPublishers.ofString(body)).build());
            noteUnexpected("order", r);
            return new Call("order", key, tenant, r.status() == 201 ? r.json().path("id").asText() : null, instance,
                    t0 - phaseStart, System.nanoTime() - phaseStart, r.status(), r.isProblem());
        } catch (RuntimeException e) {
            return new Call("order", key, tenant, null, instance, t0 - phaseStart, System.nanoTime() - phaseStart, 0, false);
        }
    }

    private static Call cancel(Http http, int instance, String agent, String key, String tenant, String orderId, long phaseStart) {
        long t0 = System.nanoTime();
        try {
            Http.Reply r = http.json("PATCH", "/v1/customers/" + tenant + "/orders/" + orderId, agent,
                    Map.of("status", "cancelled", "acknowledged", true), "MS-RequestId", key);
            noteUnexpected("cancel", r);
            return new Call("cancel", key, tenant, r.status() == 200 ? orderId : null, instance, t0 - phaseStart,
                    System.nanoTime() - phaseStart, r.status(), r.isProblem());
        } catch (RuntimeException e) {
            return new Call("cancel", key, tenant, null, instance, t0 - phaseStart, System.nanoTime() - phaseStart, 0, false);
        }
    }

    /** The first few answers of each status that is neither done nor 503, to say in the report what they were. */
    private static final Map<String, String> UNEXPECTED = new java.util.concurrent.ConcurrentHashMap<>();

    private static void noteUnexpected(String kind, Http.Reply r) {
        if (r.status() != 201 && r.status() != 200 && r.status() != 503) {
            UNEXPECTED.putIfAbsent(kind + " " + r.status(), r.text().length() > 300 ? r.text().substring(0, 300) : r.text());
        }
    }

    /** Retries every order and cancellation without its answer, with the same key, until answered (bounded). */
    private static long completeLedger(Ledger ledger, AtomicReferenceArray<Http> instances, String agent) {
        long retried = 0;
        long now = System.nanoTime();
        for (String key : ledger.orderBodies.keySet()) {
            if (!ledger.acknowledgedOrders.containsKey(key)) {
                retried++;
                String id = untilDone(new ConcurrentLinkedQueue<>(), instances, 0, System.nanoTime(), now,
                        i -> place(instances.get(i), i, agent, key, ledger.tenantOfKey.get(key), ledger.orderBodies.get(key), now));
                if (id != null) {
                    ledger.acknowledgedOrders.put(key, id);
                }
            }
        }
        for (Map.Entry<String, String> e : ledger.cancelOrderOfKey.entrySet()) {
            if (!ledger.acknowledgedCancels.contains(e.getKey())) {
                retried++;
                String orderKey = e.getKey().substring(0, e.getKey().length() - "-cancel".length());
                if (untilDone(new ConcurrentLinkedQueue<>(), instances, 0, System.nanoTime(), now, i -> cancel(instances.get(i), i,
                        agent, e.getKey(), ledger.tenantOfKey.get(orderKey), e.getValue(), now)) != null) {
                    ledger.acknowledgedCancels.add(e.getKey());
                }
            }
        }
        return retried;
    }

    private static boolean within(List<long[]> intervals, long t) {
        return intervals.stream().anyMatch(iv -> t >= iv[0] && t < iv[1]);
    }

    // ------------------------------------------------------------------------------------ checks

    private void verify(Galera galera, AtomicReferenceArray<Http> instances, String global, List<DataSet.Customer> customers,
                        Ledger ledger, Map<String, List<Call>> calls, Map<String, Windows> windows, Map<String, Double> resync,
                        List<Product> originals, List<Product> started, long retried, boolean synced) throws Exception {
        report.title("Faults under an order and cancel load (" + FAULT_CLIENTS + " clients over 3 instances)");
        report.table("phase", "orders (status: count)", "cancels (status: count)", "503 outside the fault's window",
                "other answers that are neither done nor 503 problem+json", "all Synced again, s after the load");
        long badAnswers = 0;
        long misplaced503 = 0;
        for (Map.Entry<String, List<Call>> phase : calls.entrySet()) {
            Windows w = windows.get(phase.getKey());
            Map<Integer, Long> orders = new TreeMap<>();
            Map<Integer, Long> cancels = new TreeMap<>();
            long outside = 0;
            long bad = 0;
            for (Call c : phase.getValue()) {
                (c.kind().equals("order") ? orders : cancels).merge(c.status(), 1L, Long::sum);
                boolean instanceWasDown = c.instance() == w.instanceDown() && w.downInterval() != null
                        && c.end() >= w.downInterval()[0] && c.start() <= w.downInterval()[1];
                if (c.done() || (c.status() == 0 && instanceWasDown)) {
                    continue;
                }
                if (c.status() == 503 && c.problem()) {
                    if (w.misplaced503(c.start())) {
                        outside++;
                    }
                } else {
                    bad++;
                }
            }
            badAnswers += bad;
            misplaced503 += outside;
            report.row(phase.getKey(), orders, cancels, outside, bad, Report.f1(resync.get(phase.getKey())) + " s");
        }
        UNEXPECTED.forEach((what, body) -> report.note("\nA " + what + " answered: `" + body.replace('`', '\'') + "`"));
        report.note("\nA 503 is expected while no node can commit (a paused member stalls the group until it is evicted) and "
                + "while an instance still holds connections to a node that died; the windows outside which a 503 counts "
                + "against the product start 3 s after a kill, " + "12 s after evs.inactive_timeout for a pause, 5 s after a "
                + "restarted node answers and 15 s after a resume — except while no node could commit, as observed (each node "
                + "asked every 200 ms whether it is Primary and ready; the intervals are noted under each phase) and 5 s after. "
                + "Unanswered requests to the killed instance are the client's cue to fail over and are not counted.");

        Set<String> tenants = customers.stream().map(DataSet.Customer::tenantId).collect(Collectors.toSet());
        String inTenants = tenants.stream().map(t -> "'" + t + "'").collect(Collectors.joining(",", "(", ")"));
        Set<String> acknowledged = new HashSet<>(ledger.acknowledgedOrders.values());
        Set<String> cancelled = ledger.acknowledgedCancels.stream().map(ledger.cancelOrderOfKey::get).collect(Collectors.toSet());
        report.table("node", "orders of the load", "acknowledged not found", "credit notes", "cancelled orders without exactly "
                + "one credit", "credits for orders not cancelled", "half-written orders", "orders without one create_order record");
        long lost = 0;
        long duplicates = 0;
        long creditFaults = 0;
        long halfWritten = 0;
        for (int i = 0; i < galera.size(); i++) {
            try (Connection c = galera.connect(i, 2_000, 120_000); Statement s = c.createStatement()) {
                s.setQueryTimeout(60);
                s.execute("SET SESSION wsrep_sync_wait = 1");
                Set<String> ids = new HashSet<>();
                try (ResultSet rs = s.executeQuery("SELECT id FROM customer_order WHERE customer_tenant_id IN " + inTenants)) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
                Map<String, Long> credits = new HashMap<>();
                try (ResultSet rs = s.executeQuery("SELECT order_id, COUNT(*) FROM credit_note WHERE customer_tenant_id IN "
                        + inTenants + " GROUP BY order_id")) {
                    while (rs.next()) {
                        credits.put(rs.getString(1), rs.getLong(2));
                    }
                }
                long missing = acknowledged.stream().filter(id -> !ids.contains(id)).count();
                long notOne = cancelled.stream().filter(id -> credits.getOrDefault(id, 0L) != 1).count();
                long stray = credits.keySet().stream().filter(id -> !cancelled.contains(id)).count();
                long half = Faults.halfWrittenOrders(s, "o.customer_tenant_id IN " + inTenants);
                long noRecord = Faults.ordersWithoutOneCreateRecord(s, "o.customer_tenant_id IN " + inTenants);
                report.row("node " + (i + 1), ids.size(), missing, credits.values().stream().mapToLong(Long::longValue).sum(),
                        notOne, stray, half, noRecord);
                lost += missing;
                duplicates += Math.max(0, ids.size() - ledger.orderBodies.size());
                creditFaults += notOne + stray;
                halfWritten += half + noRecord;
            } catch (java.sql.SQLException e) {
                report.row("node " + (i + 1), "did not answer: " + e.getMessage().lines().findFirst().orElse(""), "", "", "", "", "", "");
                // Unread is unproven: every check this node's rows decide fails.
                lost += acknowledged.size();
                creditFaults += cancelled.size();
                halfWritten += acknowledged.size();
            }
        }
        report.note(String.format("%n%d idempotency keys for orders, %d acknowledged (201, during the load or on a retry "
                        + "after it: %d requests retried with their key after the load); %d cancellations asked, %d acknowledged.",
                ledger.orderBodies.size(), ledger.acknowledgedOrders.size(), retried, ledger.cancelOrderOfKey.size(),
                ledger.acknowledgedCancels.size()));
        Http http = instances.get(0);
        com.fasterxml.jackson.databind.JsonNode verification = http.get("/v1/auditrecords/verification", global).json();
        boolean chainsIntact = verification.path("intact").asBoolean(false);

        // Recovery without a restart: every instance that was never restarted places an order now.
        long recovered = 0;
        List<String> recovery = new ArrayList<>();
        for (int i = 0; i < started.size(); i++) {
            Product p = started.get(i);
            boolean original = originals.contains(p);
            int status = place(instances.get(i), i, global, "cluster-recovery-" + i + "-" + UUID.randomUUID(),
                    customers.get(0).tenantId(), ledger.orderBodies.values().iterator().next(), System.nanoTime()).status();
            recovery.add((char) ('A' + i) + (original ? "" : " (restarted)") + ": " + status);
            if (status == 201 && p.isAlive()) {
                recovered++;
            }
        }
        report.table("node", "wsrep_local_cert_failures", "wsrep_local_bf_aborts", "state");
        Map<Integer, long[]> counts = conflicts(galera);
        counts.forEach((node, v) -> report.row("node " + (node + 1), v[0], v[1],
                galera.status(node).getOrDefault("wsrep_local_state_comment", "?")));
        report.note("\nConflict counters are each node's own since its start (node 2 was restarted in phase a).");
        String retries = retryMetrics(instances, global);
        report.note("Retries of the product (from /prometheus): " + (retries.isEmpty() ? "no retry counter exported by this build"
                : "\n\n```\n" + retries + "```"));

        check("cluster: every node synced after the faults", synced, synced ? "3 of 3 Synced" : "not within 120 s");
        check("cluster: no acknowledged order lost (read from every node)", lost == 0 && !acknowledged.isEmpty(),
                lost + " missing over " + galera.size() + " nodes, " + acknowledged.size() + " acknowledged");
        check("cluster: one order per idempotency key across instances", duplicates == 0
                        && ledger.acknowledgedOrders.size() == ledger.orderBodies.size(),
                duplicates + " extra; " + ledger.acknowledgedOrders.size() + " of " + ledger.orderBodies.size() + " keys acknowledged");
        check("cluster: one credit per cancellation", creditFaults == 0 && !cancelled.isEmpty()
                        && ledger.acknowledgedCancels.size() == ledger.cancelOrderOfKey.size(),
                creditFaults + " wrong over " + galera.size() + " nodes; " + ledger.acknowledgedCancels.size() + " of "
                        + ledger.cancelOrderOfKey.size() + " cancels acknowledged");
        check("cluster: no half-written order", halfWritten == 0, halfWritten + " over " + galera.size() + " nodes");
        check("cluster: activity chains intact", chainsIntact, verification.toString());
        check("cluster: every answer is done or 503 problem+json", badAnswers == 0, badAnswers + " other answers");
        check("cluster: 503 only while no node can commit (or an instance is still failing over)", misplaced503 == 0,
                misplaced503 + " 503s outside the fault windows");
        check("cluster: recovery without restarting the product (an order on every instance at the end)",
                recovered == started.size() && originals.get(0).isAlive() && originals.get(1).isAlive(),
                String.join(", ", recovery));
    }

    /** The product's retry counters, if it exports any (lines of /prometheus naming a retry or conflict), per instance. */
    private static String retryMetrics(AtomicReferenceArray<Http> instances, String global) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < instances.length(); i++) {
            try {
                Http.Reply r = instances.get(i).get("/prometheus", global);
                for (String line : r.text().split("\n")) {
                    String lower = line.toLowerCase();
                    if (!line.startsWith("#") && (lower.contains("retr") || lower.contains("conflict")) && lower.contains("cspdesk")) {
                        lines.append((char) ('A' + i)).append(": ").append(line).append('\n');
                    }
                }
            } catch (RuntimeException e) {
                lines.append((char) ('A' + i)).append(": /prometheus did not answer\n");
            }
        }
        return lines.toString();
    }

    private static void sleepUntil(long nanoTime) {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            Db.sleep(TimeUnit.NANOSECONDS.toMillis(left));
        }
    }
}
