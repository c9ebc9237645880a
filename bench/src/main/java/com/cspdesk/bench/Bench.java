package com.cspdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The benchmark: a throwaway MariaDB, the product jar against it, the data volume loaded in
 * batches, then every figure with the limit it is compared with, measured in the same run.
 * Every phase is bounded in time and count; all traffic goes to 127.0.0.1.
 *
 * <p>Arguments: {@code --quick} (a small volume and short phases, for a smoke run),
 * {@code --no-jmh}, {@code --no-profile}, {@code --out DIR} (default {@code out}).
 */
public final class Bench {

    private final boolean quick;
    private final boolean jmh;
    private final boolean profile;
    private final boolean hold;
    private final List<String> phases;
    private final Path out;
    private final Path jar;
    private final Report report = new Report();
    private final Map<String, String> summary = new LinkedHashMap<>();
    private final Duration warmup;
    private final Duration measure;

    private Bench(List<String> args) {
        quick = args.contains("--quick");
        jmh = !args.contains("--no-jmh");
        profile = !args.contains("--no-profile");
        hold = args.contains("--hold");
        int ph = args.indexOf("--phases");
        phases = ph >= 0 ? List.of(args.get(ph + 1).split(",")) : List.of("invoice", "orders", "webhooks", "reads", "across", "download", "jmh");
        int o = args.indexOf("--out");
        out = Path.of(o >= 0 ? args.get(o + 1) : "out").toAbsolutePath();
        Path built = Path.of(System.getProperty("bench.jar", "../bootstrap/target/cspdesk.jar")).toAbsolutePath().normalize();
        // A copy: a build in the same tree during the run must not swap the jar under the product.
        jar = out.resolve("cspdesk.jar");
        try {
            Files.createDirectories(out);
            Files.copy(built, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("no product jar at " + built + " (build it: ./mvnw -DskipTests install)", e);
        }
        warmup = Duration.ofSeconds(quick ? 2 : 5);
        measure = Duration.ofSeconds(quick ? 5 : 20);
    }

    public static void main(String[] args) throws Exception {
        new Bench(List.of(args)).run();
        System.exit(0);
    }

    private void run() throws Exception {
        long begin = System.nanoTime();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no product jar at " + jar + " (build it: ./mvnw -DskipTests install)");
        }
        Files.createDirectories(out);
        Loader.Volume volume = quick ? new Loader.Volume(1_000, 50_000, 250_000)
                : new Loader.Volume(10_000, 1_000_000, 5_000_000);
        report.note("# CSP Software Desk benchmark" + (quick ? " (--quick: small volume, short phases)" : ""));
        machine(volume);
        String secret = Product.randomSecret();
        Path store = out.resolve("software");
        try (Db db = Db.start(quick ? 1L << 30 : 8L << 30)) {
            report.note("MariaDB " + db.variable("version") + ", innodb_buffer_pool_size "
                    + Long.parseLong(db.variable("innodb_buffer_pool_size")) / (1 << 20) + " MiB, innodb_flush_log_at_trx_commit "
                    + db.variable("innodb_flush_log_at_trx_commit") + ", the same for the product and every limit.");
            Duration firstStart;
            String firstMicronaut;
            try (Product product = Product.start(jar, db, store, out.resolve("product-1.log"), false, secret, List.of())) {
                firstStart = product.startup();
                firstMicronaut = product.micronautStartup();
            }
            DataSet data;
            try (Connection c = db.connect()) {
                data = DataSet.readCatalog(c);
            }
            Loader loader = new Loader(db, data);
            System.out.println("Loading " + volume + " …");
            Loader.Loaded loaded = loader.load(volume, 3);
            analyze(db);
            loadTable(db, loaded);

            try (Product product = Product.start(jar, db, store, out.resolve("product-2.log"), false, secret, List.of())) {
                Http http = new Http(product.base(), Duration.ofSeconds(30));
                String admin = http.login(Product.ADMIN, Product.ADMIN_PASSWORD);
                http.createUser(admin, Loader.AGENT, Product.ADMIN_PASSWORD, "ADMIN_AGENT", null);
                String agent = http.login(Loader.AGENT, Product.ADMIN_PASSWORD);
                double idleRss = product.memoryMiB("VmRSS");
                double idleHeap = product.heapUsedMiB(false);

                if (hold) {
                    holdForInspection(db, product);
                    return;
                }
                MemorySampler sampler = new MemorySampler(product);
                // First, within the 2 minutes before the product's own hourly invoicing schedule wakes
                // up (it then finds the month done); otherwise that run competes with the load phases.
                if (phases.contains("invoice")) {
                    invoiceRun(db, http, admin, loader.lastMonth());
                }
                if (phases.contains("orders")) {
                    orders(db, data, http, agent, product, sampler);
                }
                if (phases.contains("webhooks")) {
                    webhooks(db, data, http, agent);
                }
                if (phases.contains("reads")) {
                    reads(db, data, http, agent, admin, product, sampler);
                }
                if (phases.contains("across")) {
                    across(data, http, agent);
                }
                if (phases.contains("download")) {
                    download(db, http, agent, store, product);
                }
                if (phases.contains("orders") || phases.contains("reads")) {
                    startupTable(firstStart, firstMicronaut, product, idleRss, idleHeap, sampler);
                }
            }
        }
        if (jmh && phases.contains("jmh")) {
            jmh();
        }
        report.title("Summary: targets");
        report.table("target", "figure", "met");
        summary.forEach((k, v) -> report.row(k, v.split("\\|")[0], v.split("\\|")[1]));
        report.note(String.format("%nWhole run: %.0f s. Load average at the end: %s.", (System.nanoTime() - begin) / 1e9,
                sh("cut -d' ' -f1-3 /proc/loadavg").strip()));
        Path file = out.resolve(quick ? "results-quick.md" : "results.md");
        report.writeTo(file);
        System.out.println(report.text());
        System.out.println("Written to " + file);
    }

    /** --hold: keeps the loaded product and database up (at most 30 min) until out/release exists, for inspection. */
    private void holdForInspection(Db db, Product product) throws IOException {
        Path release = out.resolve("release");
        Files.deleteIfExists(release);
        Files.writeString(out.resolve("held.txt"), product.base() + "\n" + db.jdbcUrl() + "\n" + product.pid() + "\n");
        System.out.println("Holding: " + product.base() + " " + db.jdbcUrl() + "; touch " + release + " to end");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        while (!Files.exists(release) && System.nanoTime() < deadline) {
            Db.sleep(500);
        }
    }

    // ------------------------------------------------------------------------------------ machine

    private void machine(Loader.Volume volume) {
        report.title("Machine");
        report.table("what", "value");
        report.row("CPU", sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").strip() + ", " + sh("nproc").strip() + " cores");
        report.row("memory", sh("free -h | awk '/Mem:/ {print $2}'").strip());
        report.row("OS", sh(". /etc/os-release && echo $PRETTY_NAME").strip() + ", kernel " + sh("uname -r").strip());
        report.row("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        report.row("product", jar.getFileName() + " (java -jar, JVM defaults)");
        report.row("volume", String.format("%,d customers, %,d orders (one line each), %,d activity records",
                volume.customers(), volume.orders(), volume.activity()));
        report.row("load average when the run started (other processes)", sh("cut -d' ' -f1-3 /proc/loadavg").strip());
        report.row("phases", String.format("%d s warm-up + %d s measured per level; closed-loop Java clients "
                + "(java.net.http, HTTP/1.1 keep-alive) on the same 2 cores", warmup.toSeconds(), measure.toSeconds()));
    }

    static String sh(String command) {
        try {
            Process p = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
            String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            return s;
        } catch (IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    // ------------------------------------------------------------------------------------ load

    private static void analyze(Db db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String table : List.of("customer", "customer_order", "order_line", "software_entitlement",
                    "activity_record", "activity_chain_head")) {
                s.execute("ANALYZE TABLE " + table);
            }
        }
    }

    private void loadTable(Db db, Loader.Loaded loaded) throws Exception {
        report.title("Loading the volume (batched multi-row INSERTs, 3 connections)");
        report.table("table", "rows");
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String table : List.of("customer", "customer_order", "order_line", "software_entitlement",
                    "activity_record", "activity_chain_head")) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    report.row(table, String.format("%,d", rs.getLong(1)));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT ROUND(SUM(data_length + index_length) / 1048576) FROM"
                    + " information_schema.tables WHERE table_schema = DATABASE()")) {
                rs.next();
                report.note(String.format("Loaded in %.0f s (%,.0f rows/s); data and indexes %,d MiB.",
                        loaded.took().toMillis() / 1000.0, loaded.rowsPerSecond(), rs.getLong(1)));
            }
        }
    }

    // ------------------------------------------------------------------------------------ orders

    private void orders(Db db, DataSet data, Http http, String agent, Product product, MemorySampler sampler)
            throws Exception {
        report.title("Placing orders: HTTP POST /v1/customers/{id}/orders vs. bare JDBC (same rows, one transaction each)");
        report.table("clients", "product orders/s", "p50 ms", "p99 ms", "errors", "statements/order",
                "CPU ms/order: product + DB", "bare JDBC orders/s", "p50 ms", "p99 ms", "statements/order",
                "CPU ms/order: JDBC program + DB", "ratio");
        int[] levels = {1, 8, 32, 128};
        long[] ordersBefore = {countOrders(db)};
        for (int clients : levels) {
            if (clients == 128) {
                sampler.start();
            }
            long q0 = questions(db);
            double pc0 = product.cpuMillis();
            double dc0 = db.cpuMillis();
            LoadDriver.Result p = LoadDriver.run("orders", clients, warmup, measure, 2_000_000, 201,
                    (client, seq) -> placeOrder(http, agent, data, seq));
            long q1 = questions(db);
            double pc1 = product.cpuMillis();
            double dc1 = db.cpuMillis();
            long placedInDb = countOrders(db);
            if (clients == 128) {
                sampler.stop();
            }
            long placedBefore = placedInDb;
            LoadDriver.Result limit;
            long q2 = questions(db);
            double bc2 = Product.cpuMillis(ProcessHandle.current().pid());
            double dc2 = db.cpuMillis();
            try (BareJdbcOrders bare = new BareJdbcOrders(db, data, clients)) {
                SplittableRandom[] randoms = new SplittableRandom[clients];
                for (int i = 0; i < clients; i++) {
                    randoms[i] = new SplittableRandom(7919L * (i + 1) + clients);
                }
                limit = LoadDriver.run("jdbc", clients, warmup, measure, 2_000_000, 201,
                        (client, seq) -> bare.place(client, randoms[client]));
            }
            long q3 = questions(db);
            double bc3 = Product.cpuMillis(ProcessHandle.current().pid());
            double dc3 = db.cpuMillis();
            long placedByLimit = countOrders(db) - placedBefore;
            // Statements per order over warm-up and measured window alike (orders counted in the database).
            double productStatements = (double) (q1 - q0) / Math.max(1, placedInDb - ordersBefore[0]);
            double limitStatements = (double) (q3 - q2) / Math.max(1, placedByLimit);
            long productOrders = Math.max(1, placedInDb - ordersBefore[0]);
            String productCpu = Report.f2((pc1 - pc0) / productOrders) + " + " + Report.f2((dc1 - dc0) / productOrders);
            String limitCpu = Report.f2((bc3 - bc2) / Math.max(1, placedByLimit)) + " + "
                    + Report.f2((dc3 - dc2) / Math.max(1, placedByLimit));
            ordersBefore[0] = countOrders(db);
            System.out.println("  " + p + "\n  " + limit);
            report.row(clients, Report.f0(p.perSecond()), Report.f2(p.p50()), Report.f2(p.p99()), p.failed(),
                    Report.f1(productStatements), productCpu, Report.f0(limit.perSecond()), Report.f2(limit.p50()),
                    Report.f2(limit.p99()), Report.f1(limitStatements), limitCpu, Report.ratio(p.perSecond(), limit.perSecond()));
            if (clients == 32) {
                summary.put("orders/s at 32 clients ≥ 1,000", Report.f0(p.perSecond()) + "|" + (p.perSecond() >= 1000 ? "yes" : "NO"));
                double r = p.perSecond() / limit.perSecond();
                summary.put("orders: product/limit at 32 clients ≥ 0.5", Report.f2(r) + "|" + (r >= 0.5 ? "yes" : "NO"));
            }
        }
        if (profile) {
            profileUnderLoad(product, "orders", () -> LoadDriver.run("orders-profiled", 32, Duration.ZERO,
                    Duration.ofSeconds(quick ? 5 : 15), 1_000_000, 201, (client, seq) -> placeOrder(http, agent, data, seq)));
        }
    }

    /**
     * Orders at 32 clients with a webhook registration for {@code order-created} pointing at a local
     * receiver: orders/s and statements per order with the outbox's delivery rows, events delivered per
     * second while the load runs, delivery latency (commit to arrival), and how long the backlog takes
     * to drain once the load stops. The registration is removed afterwards.
     */
    private void webhooks(Db db, DataSet data, Http http, String agent) throws Exception {
        report.title("Webhooks: order-created delivered to a local receiver while 32 clients place orders");
        report.table("orders/s", "statements/order (its delivery's included)", "events delivered/s (load window)", "latency p50 ms",
                "latency p99 ms", "latency max ms", "backlog at the end of the load", "drained in s", "duplicates");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Http.Reply registered = http.json("POST", "/webhooks/v1/registration", agent,
                    Map.of("WebhookUrl", receiver.url(), "WebhookEvents", List.of("order-created")));
            if (registered.status() != 201) {
                report.note("The registration was refused: " + registered.status() + " " + new String(registered.body()));
                return;
            }
            // The receiver verifies every delivery, as a partner's would: its cost is part of the load.
            receiver.trust(registered.json().path("SigningSecret").asText());
            long before = countOrders(db);
            long q0 = questions(db);
            Instant loadStart = Instant.now();
            LoadDriver.Result load = LoadDriver.run("orders+webhooks", 32, warmup, measure, 2_000_000, 201,
                    (client, seq) -> placeOrder(http, agent, data, seq));
            Instant loadEnd = Instant.now();
            long q1 = questions(db);
            long placed = countOrders(db) - before;
            long arrivedByEnd = firstDeliveries(receiver.received()).size();
            long drainStart = System.nanoTime();
            long drainDeadline = drainStart + Duration.ofMinutes(3).toNanos();
            while (firstDeliveries(receiver.received()).size() < placed && System.nanoTime() < drainDeadline) {
                Thread.sleep(20);
            }
            Duration drain = Duration.ofNanos(System.nanoTime() - drainStart);
            List<WebhookReceiver.Received> received = receiver.received();
            Map<String, WebhookReceiver.Received> arrivals = firstDeliveries(received);
            long duplicates = received.stream().filter(WebhookReceiver.Received::delivered).count() - arrivals.size();
            Histogram latency = new Histogram(3);
            long inWindow = 0;
            for (WebhookReceiver.Received r : arrivals.values()) {
                if (r.epochMillis() <= loadEnd.toEpochMilli()) {
                    Instant changedAt = Instant.parse(r.field("ResourceChangeUtcDate"));
                    latency.recordValue(Math.max(0, r.epochMillis() - changedAt.toEpochMilli()));
                    inWindow++;
                }
            }
            double seconds = Duration.between(loadStart, loadEnd).toMillis() / 1000.0;
            double perSecond = inWindow / seconds;
            System.out.println("  " + load + "\n  webhooks: " + arrivals.size() + " of " + placed + " delivered");
            report.row(Report.f0(load.perSecond()), Report.f1((double) (q1 - q0) / Math.max(1, placed)), Report.f0(perSecond),
                    latency.getTotalCount() == 0 ? "-" : Long.toString(latency.getValueAtPercentile(50)),
                    latency.getTotalCount() == 0 ? "-" : Long.toString(latency.getValueAtPercentile(99)),
                    latency.getTotalCount() == 0 ? "-" : Long.toString(latency.getMaxValue()),
                    placed - arrivedByEnd, Report.f1(drain.toMillis() / 1000.0), duplicates);
            report.note(String.format("%d orders placed while registered, %d order-created delivered (%s lost).",
                    placed, arrivals.size(), placed - arrivals.size()));
            summary.put("webhooks: every order-created delivered, none twice",
                    arrivals.size() + " of " + placed + ", " + duplicates + " twice|"
                            + (arrivals.size() == placed && duplicates == 0 ? "yes" : "NO"));
            http.json("DELETE", "/webhooks/v1/registration", agent, null);
        }
    }

    /** Each webhook-id's first verified 2xx delivery, in arrival order. */
    private static Map<String, WebhookReceiver.Received> firstDeliveries(List<WebhookReceiver.Received> received) {
        Map<String, WebhookReceiver.Received> first = new LinkedHashMap<>();
        received.stream().filter(WebhookReceiver.Received::delivered).forEach(r -> first.putIfAbsent(r.webhookId(), r));
        return first;
    }

    /** Statements the server has run (SHOW GLOBAL STATUS 'Questions'); the counting query itself adds one. */
    static long questions(Db db) {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Questions'")) {
            rs.next();
            return rs.getLong(2);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long countOrders(Db db) {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM customer_order")) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String[] QUANTITIES = {"1", "2", "1", "3"};

    private static int placeOrder(Http http, String token, DataSet data, long seq) {
        SplittableRandom random = new SplittableRandom(seq * 31 + 17);
        DataSet.Customer customer = data.customers.get(random.nextInt(data.customers.size()));
        List<DataSet.Offer> offers = data.softwareByCurrency.get(customer.currency());
        DataSet.Offer offer = offers.get(random.nextInt(offers.size()));
        String body = "{\"billingCycle\":\"one_time\",\"lineItems\":[{\"lineItemNumber\":0,\"offerId\":\""
                + offer.offerId() + "\",\"quantity\":" + QUANTITIES[random.nextInt(4)] + "}]}";
        return http.send(http.request("/v1/customers/" + customer.tenantId() + "/orders")
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()).status();
    }

    // ------------------------------------------------------------------------------------ reads

    private void reads(Db db, DataSet data, Http http, String agent, String admin, Product product, MemorySampler sampler)
            throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String range = "startDate=" + now.minus(Duration.ofDays(30)) + "&endDate=" + now;
        java.util.function.LongFunction<String> softwarePath = seq -> "/v1/customers/"
                + data.customers.get(new SplittableRandom(seq * 13 + 5).nextInt(data.customers.size())).tenantId() + "/software";
        java.util.function.LongFunction<String> activityPath = seq -> "/v1/auditrecords?" + range + "&size=50&filter="
                + URLEncoder.encode("{\"field\":\"CustomerId\",\"value\":\""
                + data.customers.get(new SplittableRandom(seq * 17 + 3).nextInt(data.customers.size())).tenantId()
                + "\",\"operator\":\"equals\"}", StandardCharsets.UTF_8);
        // The sizes the product's answers have: the bare app answers constants of those sizes.
        long softwareBytes = 0;
        long activityBytes = 0;
        int probes = 20;
        for (int i = 0; i < probes; i++) {
            Http.Reply s = http.get(softwarePath.apply(i), agent);
            Http.Reply a = http.get(activityPath.apply(i), admin);
            if (s.status() != 200 || a.status() != 200) {
                throw new IllegalStateException("read probe failed: " + s.status() + " " + s.text() + " / " + a.status() + " " + a.text());
            }
            softwareBytes += s.body().length;
            activityBytes += a.body().length;
        }
        softwareBytes /= probes;
        activityBytes /= probes;
        report.title("Reading: a customer's software list and a page of the activity log vs. a bare Micronaut endpoint");
        report.note(String.format("Software list: GET /v1/customers/{id}/software, random customer (%,d bytes on average). "
                + "Activity page: GET /v1/auditrecords?startDate=-30d&endDate=now&size=50&filter={CustomerId equals a random customer} "
                + "(%,d bytes on average). Limit: a bare Micronaut %s app answering a constant body of the same size "
                + "(same threading, no security, no database).%n", softwareBytes, activityBytes, "4.10"));
        report.table("read", "clients", "product req/s", "p50 ms", "p99 ms", "errors", "statements/request",
                "CPU ms/request: product + DB", "bare req/s", "p50 ms", "p99 ms", "CPU ms/request: bare app", "ratio req/s");
        int port = Product.freePort();
        Path bareLog = out.resolve("bare.log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dmicronaut.server.port=" + port, "-Dbare.software.bytes=" + softwareBytes,
                "-Dbare.activity.bytes=" + activityBytes, "-cp", System.getProperty("java.class.path"),
                "com.cspdesk.bench.bare.BareServer");
        Process bare = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(bareLog.toFile())).start();
        try {
            Http bareHttp = new Http("http://127.0.0.1:" + port, Duration.ofSeconds(30));
            awaitBare(bareHttp, bare);
            for (String which : List.of("software list", "activity page")) {
                java.util.function.LongFunction<String> path = which.startsWith("software") ? softwarePath : activityPath;
                String token = which.startsWith("software") ? agent : admin;
                for (int clients : new int[]{1, 8, 32}) {
                    if (clients == 32) {
                        sampler.start();
                    }
                    long q0 = questions(db);
                    double pc0 = product.cpuMillis();
                    double dc0 = db.cpuMillis();
                    LoadDriver.Result p = LoadDriver.run(which, clients, warmup, measure, 5_000_000, 200,
                            (client, seq) -> http.get(path.apply(seq), token).status());
                    double statements = (double) (questions(db) - q0 - 1) / Math.max(1, p.sent());
                    String productCpu = Report.f2((product.cpuMillis() - pc0) / Math.max(1, p.sent())) + " + "
                            + Report.f2((db.cpuMillis() - dc0) / Math.max(1, p.sent()));
                    double bc0 = Product.cpuMillis(bare.pid());
                    if (clients == 32) {
                        sampler.stop();
                    }
                    LoadDriver.Result b = LoadDriver.run("bare " + which, clients, warmup, measure, 5_000_000, 200,
                            (client, seq) -> bareHttp.get(path.apply(seq), null).status());
                    System.out.println("  " + p + "\n  " + b);
                    String bareCpu = Report.f2((Product.cpuMillis(bare.pid()) - bc0) / Math.max(1, b.sent()));
                    report.row(which, clients, Report.f0(p.perSecond()), Report.f2(p.p50()), Report.f2(p.p99()),
                            p.failed(), Report.f1(statements), productCpu, Report.f0(b.perSecond()), Report.f2(b.p50()),
                            Report.f2(b.p99()), bareCpu, Report.ratio(p.perSecond(), b.perSecond()));
                    if (clients == 32) {
                        summary.put(which + ": p99 < 20 ms at 32 clients", Report.f2(p.p99()) + " ms|"
                                + (p.p99() < 20 ? "yes" : "NO"));
                    }
                }
            }
        } finally {
            bare.destroy();
            bare.waitFor(20, TimeUnit.SECONDS);
        }
        if (profile) {
            profileUnderLoad(product, "activity", () -> LoadDriver.run("activity-profiled", 32, Duration.ZERO,
                    Duration.ofSeconds(quick ? 5 : 10), 5_000_000, 200, (client, seq) -> http.get(activityPath.apply(seq), admin).status()));
            profileUnderLoad(product, "software", () -> LoadDriver.run("software-profiled", 32, Duration.ZERO,
                    Duration.ofSeconds(quick ? 5 : 10), 5_000_000, 200, (client, seq) -> http.get(softwarePath.apply(seq), agent).status()));
        }
    }

    /**
     * #16's views across customers ({@code GET /v1/orders}, {@code GET /v1/software}) and the price sheet: each filter's
     * first page and a later one (the eleventh, reached through the next links), one client, p50 and p99 beside the
     * 50 ms limit for a first page. The agent sees every customer, as an admin agent does.
     */
    private void across(DataSet data, Http http, String agent) {
        String tenant = data.customers.get(data.customers.size() / 2).tenantId();
        String product = "DG7GMGF0BHXC";
        Instant now = Instant.now().truncatedTo(ChronoUnit.DAYS);
        String range = now.minus(Duration.ofDays(60)).toString().substring(0, 10) + "&createdTo="
                + now.minus(Duration.ofDays(30)).toString().substring(0, 10);
        Map<String, String> views = new LinkedHashMap<>();
        views.put("orders", "/v1/orders?size=50");
        views.put("orders, status=completed", "/v1/orders?status=completed&size=50");
        views.put("orders, status=cancelled (none)", "/v1/orders?status=cancelled&size=50");
        views.put("orders, a customer", "/v1/orders?customerId=" + tenant + "&size=50");
        views.put("orders, a product", "/v1/orders?productId=" + product + "&size=50");
        views.put("orders, a product + status", "/v1/orders?productId=" + product + "&status=completed&size=50");
        views.put("orders, 30 days", "/v1/orders?createdFrom=" + range + "&size=50");
        views.put("software", "/v1/software?size=50");
        views.put("software, status=active", "/v1/software?status=active&size=50");
        views.put("software, a product", "/v1/software?productId=" + product + "&size=50");
        views.put("software, a product + status", "/v1/software?productId=" + product + "&status=active&size=50");
        views.put("software, a customer", "/v1/software?customerId=" + tenant + "&size=50");
        views.put("subscriptions", "/v1/subscriptions?size=50");
        views.put("subscriptions, renewals due in 400 days", "/v1/subscriptions?renewalsDueInDays=400&size=50");
        views.put("subscriptions, a customer", "/v1/subscriptions?customerId=" + tenant + "&size=50");
        views.put("price sheet, HU", "/v1/pricesheets?country=HU");
        Duration warm = Duration.ofSeconds(quick ? 1 : 2);
        Duration measured = Duration.ofSeconds(quick ? 3 : 8);
        report.title("Views across customers (#16): first and later pages with one client");
        report.note(String.format("GET /v1/orders and /v1/software (50 a page) with each filter, and the price sheet; the "
                + "later page is the eleventh, reached through the next links; /v1/subscriptions too (term end order). One closed-loop client, %d s warm-up + %d s "
                + "measured per row. Limit: a first page's p99 under 50 ms.%n", warm.toSeconds(), measured.toSeconds()));
        report.table("view", "page", "requests", "p50 ms", "p99 ms", "limit", "met");
        // Every view a few times first, so the first row measured does not pay the product's JIT warm-up for all.
        for (int round = 0; round < 20; round++) {
            views.values().forEach(path -> http.get(path, agent));
        }
        boolean allMet = true;
        double worst = 0;
        for (Map.Entry<String, String> view : views.entrySet()) {
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("first", view.getValue());
            String later = view.getValue();
            for (int hop = 0; hop < 10 && later != null; hop++) {
                Http.Reply reply = http.get(later, agent);
                if (reply.status() != 200) {
                    throw new IllegalStateException(view.getKey() + ": " + reply.status() + " " + reply.text());
                }
                JsonNode next = reply.json().path("links").path("next").path("uri");
                later = next.isMissingNode() || next.isNull() ? null : "/v1/" + next.asText();
            }
            if (later != null) {
                pages.put("11th", later);
            }
            for (Map.Entry<String, String> page : pages.entrySet()) {
                String path = page.getValue();
                LoadDriver.Result r = LoadDriver.run(view.getKey() + " " + page.getKey(), 1, warm, measured, 1_000_000, 200,
                        (client, seq) -> http.get(path, agent).status());
                System.out.println("  " + r);
                boolean met = r.failed() == 0 && r.p99() < 50;
                if (page.getKey().equals("first")) {
                    allMet &= met;
                    worst = Math.max(worst, r.p99());
                }
                report.row(view.getKey(), page.getKey(), r.sent(), Report.f2(r.p50()), Report.f2(r.p99()), "50 ms",
                        met ? "yes" : "NO");
            }
        }
        summary.put("views across customers: every first page p99 < 50 ms, one client", "worst " + Report.f2(worst) + " ms|"
                + (allMet ? "yes" : "NO"));
    }

    private static void awaitBare(Http http, Process process) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (http.get("/health", null).status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // starting
            }
            Db.sleep(50);
        }
        throw new IllegalStateException("the bare Micronaut app did not start");
    }

    // ------------------------------------------------------------------------------------ profile

    private void profileUnderLoad(Product product, String name, java.util.function.Supplier<LoadDriver.Result> load)
            throws IOException {
        Path jfr = out.resolve("profile-" + name + ".jfr");
        Files.deleteIfExists(jfr);
        product.jcmd("JFR.start", "name=bench-" + name, "settings=profile");
        LoadDriver.Result r = load.get();
        product.jcmd("JFR.dump", "name=bench-" + name, "filename=" + jfr);
        product.jcmd("JFR.stop", "name=bench-" + name);
        if (Files.isRegularFile(jfr)) {
            String summary = "Profile of " + name + " under 32 clients (" + r + "):\n" + Profiles.summarize(jfr, 15);
            Files.writeString(out.resolve("profile-" + name + ".txt"), summary);
            System.out.println(summary);
        }
    }

    // ------------------------------------------------------------------------------------ invoices

    private void invoiceRun(Db db, Http http, String admin, String month) throws Exception {
        report.title("Monthly invoice run over the loaded order lines vs. a bare INSERT … SELECT of the same rows");
        long lines;
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM order_line l JOIN customer_order o ON o.id = l.order_id"
                     + " WHERE o.created_at < '" + month + "-01' + INTERVAL 1 MONTH")) {
            rs.next();
            lines = rs.getLong(1);
        }
        // Same cache state for both: read the rows once first.
        double limitSeconds = bareInvoiceInsert(db, month, true);
        long t0 = System.nanoTime();
        Http.Reply started = http.json("POST", "/v1/invoices/runs", admin, Map.of("month", month),
                "MS-RequestId", "bench-invoice-" + month);
        double seconds = Double.NaN;
        String status = "route answered " + started.status();
        if (started.status() == 202 || started.status() == 201 || started.status() == 200) {
            String id = started.json().path("id").asText();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
            while (System.nanoTime() < deadline) {
                JsonNode run = http.get("/v1/invoices/runs/" + id, admin).json();
                status = run.path("status").asText();
                if (!status.equals("running") && !status.equals("pending") && !status.equals("queued")) {
                    break;
                }
                Db.sleep(100);
            }
            seconds = (System.nanoTime() - t0) / 1e9;
        }
        long invoiced;
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM invoice_line")) {
            rs.next();
            invoiced = rs.getLong(1);
        } catch (Exception noTable) {
            invoiced = 0;
        }
        limitSeconds = bareInvoiceInsert(db, month, false);
        report.table("run", "order lines", "seconds", "rows/s", "status");
        report.row("product: POST /v1/invoices/runs {\"month\":\"" + month + "\"} until done", String.format("%,d", invoiced),
                Report.f1(seconds), Report.f0(invoiced / seconds), status);
        report.row("bare INSERT … SELECT of the same rows", String.format("%,d", lines), Report.f1(limitSeconds),
                Report.f0(lines / limitSeconds), "done");
        report.note(String.format("Ratio (rows/s product / bare): %s.", Report.ratio(invoiced / seconds, lines / limitSeconds)));
        boolean completed = status.equals("completed") && invoiced > 0;
        summary.put("invoice run over the order lines < 60 s", Report.f1(seconds) + " s, " + status + "|"
                + (!completed ? "NO (the run " + status + ")" : seconds < 60 ? "yes" : "NO"));
    }

    /** The same rows copied into a scratch table of invoice_line's shape in one statement (the warm-up discards). */
    private static double bareInvoiceInsert(Db db, String month, boolean warmupOnly) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_invoice_line");
            s.execute("CREATE TABLE bench_invoice_line (id BIGINT NOT NULL AUTO_INCREMENT, invoice_id VARCHAR(64) NOT NULL,"
                    + " kind VARCHAR(8) NOT NULL, order_id VARCHAR(64) NOT NULL, line_item_number INT NOT NULL,"
                    + " source_id VARCHAR(64) NULL, customer_tenant_id VARCHAR(36) NOT NULL, customer_name VARCHAR(255) NOT NULL,"
                    + " description VARCHAR(600) NOT NULL, occurred_at DATETIME(6) NOT NULL, net DECIMAL(19,4) NOT NULL,"
                    + " tax DECIMAL(19,4) NOT NULL, gross DECIMAL(19,4) NOT NULL, PRIMARY KEY (id)) ENGINE=InnoDB");
            String select = " FROM customer_order o JOIN order_line l ON l.order_id = o.id"
                    + " LEFT JOIN customer c ON c.tenant_id = o.customer_tenant_id"
                    + " WHERE o.created_at < '" + month + "-01' + INTERVAL 1 MONTH";
            long t0 = System.nanoTime();
            if (warmupOnly) {
                s.executeQuery("SELECT COUNT(*), SUM(l.net), MAX(c.company_name)" + select).close();
            } else {
                s.executeUpdate("INSERT INTO bench_invoice_line (invoice_id, kind, order_id, line_item_number, source_id,"
                        + " customer_tenant_id, customer_name, description, occurred_at, net, tax, gross)"
                        + " SELECT CONCAT('bench-', o.currency), 'charge', l.order_id, l.line_item_number, NULL,"
                        + " o.customer_tenant_id, COALESCE(c.company_name, o.customer_tenant_id), l.friendly_name,"
                        + " o.created_at, l.net, l.tax, l.gross" + select);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (!warmupOnly) {
                s.execute("DROP TABLE bench_invoice_line");
            }
            return seconds;
        }
    }

    // ------------------------------------------------------------------------------------ download

    private void download(Db db, Http http, String agent, Path store, Product product) throws Exception {
        long size = quick ? 256L << 20 : 2L << 30;
        String productId = "DG7GMGF0BHXC";
        String tenant;
        String softwareId;
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT customer_tenant_id, id FROM software_entitlement WHERE product_id = '"
                     + productId + "' AND status = 'active' LIMIT 1")) {
            rs.next();
            tenant = rs.getString(1);
            softwareId = rs.getString(2);
        }
        Path file = store.resolve(productId).resolve("2022").resolve("en-US").resolve("x64").resolve("bench-download.iso");
        Files.createDirectories(file.getParent());
        writeFile(file, size);
        Http.Reply link = http.json("POST", "/v1/customers/" + tenant + "/software/" + softwareId + "/downloadlinks", agent,
                Map.of("version", "2022", "language", "en-US", "bitness", "x64"));
        if (link.status() != 201 && link.status() != 200) {
            throw new IllegalStateException("no download link: " + link.status() + " " + link.text());
        }
        String uri = link.json().path("uri").asText();
        if (!uri.startsWith("http")) {
            uri = product.base() + uri;
        }
        // cat of the same file (page cache warm for both: the file was just written and read once)
        double catSeconds = timeCat(file);
        catSeconds = Math.min(catSeconds, timeCat(file));
        double heapBefore = product.heapUsedMiB(true);
        double rssBefore = product.memoryMiB("VmRSS");
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicReference<Double> peakHeap = new AtomicReference<>(heapBefore);
        Thread heapWatch = new Thread(() -> {
            while (running.get()) {
                double h = product.heapUsedMiB(false);
                if (!Double.isNaN(h)) {
                    peakHeap.accumulateAndGet(h, Math::max);
                }
                Db.sleep(250);
            }
        });
        heapWatch.setDaemon(true);
        heapWatch.start();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long t0 = System.nanoTime();
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create(uri))
                .timeout(Duration.ofMinutes(5)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        long received = 0;
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[256 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                received += n;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        running.set(false);
        heapWatch.join(5_000);
        double rssAfter = product.memoryMiB("VmRSS");
        double heapAfter = product.heapUsedMiB(true);
        if (response.statusCode() != 200 || received != size) {
            throw new IllegalStateException("download answered " + response.statusCode() + " with " + received + " bytes");
        }
        double mb = size / 1e6;
        report.title(String.format("Downloading a %s file (GET /downloads/{token}) vs. cat of the same file to /dev/null",
                quick ? "256 MiB" : "2 GiB"));
        report.table("what", "MB/s", "seconds", "heap used before (after full GC), MiB", "heap peak during, MiB",
                "heap after (after full GC), MiB", "RSS before → after, MiB");
        report.row("product download", Report.f0(mb / seconds), Report.f2(seconds), Report.f1(heapBefore),
                Report.f1(peakHeap.get()), Report.f1(heapAfter), Report.f0(rssBefore) + " → " + Report.f0(rssAfter));
        report.row("cat file > /dev/null", Report.f0(mb / catSeconds), Report.f2(catSeconds), "", "", "", "");
        report.note(String.format("Ratio (MB/s product / cat): %s. Heap: sampled every 250 ms with jcmd GC.heap_info "
                + "(peak includes garbage not yet collected); retained growth = after − before, both after a full GC.",
                Report.ratio(mb / seconds, mb / catSeconds)));
        double retained = heapAfter - heapBefore;
        summary.put("download: retained heap growth flat, < 64 MB", Report.f1(retained) + " MiB (peak "
                + Report.f1(peakHeap.get() - heapBefore) + " over the start)|" + (retained < 64 ? "yes" : "NO"));
        Files.deleteIfExists(file);
    }

    private static void writeFile(Path file, long size) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] block = new byte[1 << 20];
        new SplittableRandom(99).nextBytes(block);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += block.length) {
                block[(int) (written >>> 20) % block.length] ^= 1; // every MiB differs
                int n = (int) Math.min(block.length, size - written);
                out.write(block, 0, n);
                sha.update(block, 0, n);
            }
        }
        Files.writeString(file.resolveSibling(file.getFileName() + ".sha256"), HexFormat.of().formatHex(sha.digest()));
    }

    private static double timeCat(Path file) throws Exception {
        long t0 = System.nanoTime();
        Process cat = new ProcessBuilder("cat", file.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        cat.waitFor(5, TimeUnit.MINUTES);
        return (System.nanoTime() - t0) / 1e9;
    }

    // ------------------------------------------------------------------------------------ start-up, memory

    private void startupTable(Duration first, String firstMicronaut, Product product, double idleRss, double idleHeap,
                              MemorySampler sampler) {
        report.title("Start-up and resident memory");
        report.table("what", "value");
        report.row("start-up on an empty database (Flyway creates the schema), to the first 200 on /health",
                String.format("%.2f s (Micronaut: %s)", first.toMillis() / 1000.0, firstMicronaut));
        report.row("start-up on the loaded database, to the first 200 on /health",
                String.format("%.2f s (Micronaut: %s)", product.startup().toMillis() / 1000.0, product.micronautStartup()));
        report.row("RSS idle (after start-up)", Report.f0(idleRss) + " MiB (heap in use " + Report.f0(idleHeap) + " MiB)");
        report.row("RSS under load (peak while 128 clients place orders and 32 clients read)",
                sampler.peak() > 0 ? Report.f0(sampler.peak()) + " MiB" : "not measured in this run");
        report.row("RSS high-water mark of the whole run (VmHWM)", Report.f0(product.memoryMiB("VmHWM")) + " MiB");
    }

    /** Samples the product's RSS every 200 ms while started; keeps the peak. */
    static final class MemorySampler {
        private final Product product;
        private volatile boolean on;
        private volatile double peak;
        private Thread thread;

        MemorySampler(Product product) {
            this.product = product;
        }

        void start() {
            on = true;
            thread = new Thread(() -> {
                while (on) {
                    peak = Math.max(peak, product.memoryMiB("VmRSS"));
                    Db.sleep(200);
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            on = false;
            thread.join(2_000);
        }

        double peak() {
            return peak;
        }
    }

    // ------------------------------------------------------------------------------------ JMH

    private void jmh() throws Exception {
        report.title("JMH: hot domain code (1 fork, 2×1 s warm-up, 3×1 s measured)");
        report.table("benchmark", "ns/op", "± error");
        org.openjdk.jmh.runner.options.Options options = new org.openjdk.jmh.runner.options.OptionsBuilder()
                .include(com.cspdesk.bench.hot.HotDomainPaths.class.getName()).build();
        for (org.openjdk.jmh.results.RunResult r : new org.openjdk.jmh.runner.Runner(options).run()) {
            report.row(r.getParams().getBenchmark().replace("com.cspdesk.bench.hot.", ""),
                    Report.f1(r.getPrimaryResult().getScore()), Report.f1(r.getPrimaryResult().getScoreError()));
        }
    }
}
