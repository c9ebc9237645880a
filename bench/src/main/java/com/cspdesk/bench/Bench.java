package com.cspdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
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
    /** --repeat N: the measured phases N times on the same loaded volume. */
    private final int repeat;
    /** --volumes a,b,c: customers of each volume measured in turn (null: one volume, every phase). */
    private final List<Integer> volumes;
    /** The current repetition's or volume's figures. */
    private Figures figures = new Figures();
    private final Duration warmup;
    private final Duration measure;

    private Bench(List<String> args) {
        quick = args.contains("--quick");
        jmh = !args.contains("--no-jmh");
        profile = !args.contains("--no-profile");
        hold = args.contains("--hold");
        int ph = args.indexOf("--phases");
        phases = ph >= 0 ? List.of(args.get(ph + 1).split(",")) : List.of("invoice", "orders", "webhooks", "reads", "across", "download", "jmh");
        int rp = args.indexOf("--repeat");
        repeat = rp >= 0 ? Math.max(1, Integer.parseInt(args.get(rp + 1))) : 1;
        int vo = args.indexOf("--volumes");
        volumes = vo >= 0 ? java.util.Arrays.stream(args.get(vo + 1).split(",")).map(String::strip).map(Integer::valueOf).toList() : null;
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
        // --volumes measures one level of each load on a freshly started product: 5 s left the order path still being
        // compiled (3.8 ms of product CPU an order at 1,000 customers on 5 Dec, against 1.2–1.4 warm), so it warms longer.
        warmup = Duration.ofSeconds(quick ? 2 : volumes != null ? 30 : 5);
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
        List<Figures> runs = volumes != null ? List.of() : oneVolume();
        if (volumes != null) {
            severalVolumes();
        }
        if (jmh && phases.contains("jmh") && volumes == null) {
            jmh();
        }
        if (repeat > 1) {
            spreadTable(runs);
        }
        report.title("Summary: targets" + (repeat > 1 ? " (judged on the median of " + repeat + " runs)" : ""));
        report.table("target", "figure", "met");
        for (Map.Entry<String, Figures.Target> t : runs.isEmpty() ? Map.<String, Figures.Target>of().entrySet()
                : runs.get(0).targets().entrySet()) {
            List<Double> values = runs.stream().flatMap(f -> f.of(t.getValue().figure()).stream()).toList();
            double median = Figures.median(values);
            String detail = runs.get(runs.size() - 1).detail(t.getKey());
            String figure = (repeat > 1 ? "median " + Figures.medianAndSpread(values) : Figures.number(median))
                    + t.getValue().unit() + (detail.isEmpty() || repeat > 1 ? "" : ", " + detail);
            report.row(t.getKey(), figure, !Double.isNaN(median) && t.getValue().met().test(median) ? "yes" : "NO");
        }
        summary.forEach((k, v) -> report.row(k, v.split("\\|")[0], v.split("\\|")[1]));
        report.note(String.format("%nWhole run: %.0f s. Load average at the end: %s.", (System.nanoTime() - begin) / 1e9,
                sh("cut -d' ' -f1-3 /proc/loadavg").strip()));
        Path file = out.resolve((volumes != null ? "results-volumes" : "results") + (quick ? "-quick.md" : ".md"));
        report.writeTo(file);
        System.out.println(report.text());
        System.out.println("Written to " + file);
    }

    /** One volume loaded once; the measured phases {@code repeat} times on it, each on a freshly started product. */
    private List<Figures> oneVolume() throws Exception {
        Loader.Volume volume = quick ? new Loader.Volume(1_000, 50_000, 250_000)
                : new Loader.Volume(10_000, 1_000_000, 5_000_000);
        report.note("# CSP Software Desk benchmark" + (quick ? " (--quick: small volume, short phases)" : "")
                + (repeat > 1 ? ", the measured phases " + repeat + " times on the same loaded volume" : ""));
        machine(String.format("%,d customers, %,d orders (one line each), %,d activity records",
                volume.customers(), volume.orders(), volume.activity()));
        String secret = Product.randomSecret();
        Path store = out.resolve("software");
        List<Figures> runs = new ArrayList<>();
        try (Db db = Db.start(quick ? 1L << 30 : 8L << 30)) {
            LoadedVolume loaded = startAndLoad(db, volume, secret, store);
            for (int r = 1; r <= repeat; r++) {
                figures = new Figures();
                runs.add(figures);
                if (repeat > 1) {
                    report.note("\n# Run " + r + " of " + repeat + (r > 1 ? " (the invoice run only in run 1: the month is invoiced then)" : ""));
                }
                try (Product product = Product.start(jar, db, store, out.resolve("product-" + (r + 1) + ".log"), false, secret, List.of())) {
                    // Idle: started, nothing asked yet. A sign-in then adds Argon2's 19 MiB of blocks and the classes
                    // of signing in; both are reported.
                    double idleRss = product.memoryMiB("VmRSS");
                    double idleHeap = product.heapUsedMiB(false);
                    Idle idle = idle(db, product);
                    Http http = new Http(product.base(), Duration.ofSeconds(30));
                    String admin = http.login(Product.ADMIN, Product.ADMIN_PASSWORD);
                    http.createUser(admin, Loader.AGENT, Product.ADMIN_PASSWORD, "ADMIN_AGENT", null);
                    String agent = http.login(Loader.AGENT, Product.ADMIN_PASSWORD);
                    double signedInRss = product.memoryMiB("VmRSS");

                    if (hold) {
                        holdForInspection(db, product);
                        return runs;
                    }
                    MemorySampler sampler = new MemorySampler(product);
                    // First, within the 2 minutes before the product's own hourly invoicing schedule wakes
                    // up (it then finds the month done); otherwise that run competes with the load phases.
                    if (phases.contains("invoice") && r == 1) {
                        invoiceRun(db, http, admin, loaded.loader().lastMonth());
                    }
                    if (phases.contains("orders")) {
                        orders(db, loaded.data(), http, agent, product, sampler);
                    }
                    if (phases.contains("webhooks")) {
                        webhooks(db, loaded.data(), http, agent);
                    }
                    if (phases.contains("reads")) {
                        reads(db, loaded.data(), http, agent, admin, product, sampler);
                    }
                    if (phases.contains("across")) {
                        across(loaded.data(), http, agent);
                    }
                    if (phases.contains("download")) {
                        download(db, http, agent, store, product);
                    }
                    if (phases.contains("orders") || phases.contains("reads")) {
                        startupTable(loaded.firstStart(), loaded.firstMicronaut(), product, idleRss, idleHeap, signedInRss, idle, sampler);
                    }
                }
            }
        }
        return runs;
    }

    /** What {@link #startAndLoad} leaves: the first start-up (empty database), the catalog and customers, the loader. */
    private record LoadedVolume(Duration firstStart, String firstMicronaut, DataSet data, Loader loader) {
    }

    /** Starts the product once on the empty database (Flyway makes the schema), loads the volume, prints the load table. */
    private LoadedVolume startAndLoad(Db db, Loader.Volume volume, String secret, Path store) throws Exception {
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
        return new LoadedVolume(firstStart, firstMicronaut, data, loader);
    }

    /** Every figure's median and spread over the repetitions. */
    private void spreadTable(List<Figures> runs) {
        report.title("Median and spread over " + runs.size() + " runs on the same loaded volume");
        report.table("figure", "median (min–max)", "each run");
        Map<String, List<Double>> all = new LinkedHashMap<>();
        runs.forEach(f -> f.all().forEach((name, values) -> all.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values)));
        all.forEach((name, values) -> report.row(name, Figures.medianAndSpread(values),
                String.join(", ", values.stream().map(Figures::number).toList())));
    }

    // ------------------------------------------------------------------------------------ volumes

    /** Orders and activity records per customer in --volumes mode (the largest volume's 100,000 customers: 10 M records). */
    static final int ORDERS_PER_CUSTOMER = 20;
    static final int ACTIVITY_PER_CUSTOMER = 100;

    /**
     * --volumes: each volume on its own throwaway MariaDB (loaded, the product restarted on it), orders and reads at 32
     * clients, the first pages across customers and the invoice run; then one table, a column per volume.
     */
    private void severalVolumes() throws Exception {
        report.note("# CSP Software Desk benchmark: how cost grows with the data" + (quick ? " (--quick: short phases)" : ""));
        machine(String.format("customers %s; per customer %d orders (one line each) and %d activity records",
                volumes.stream().map(v -> String.format("%,d", v)).toList(), ORDERS_PER_CUSTOMER, ACTIVITY_PER_CUSTOMER));
        String secret = Product.randomSecret();
        Map<Integer, Figures> byVolume = new LinkedHashMap<>();
        for (int customers : volumes) {
            Loader.Volume volume = new Loader.Volume(customers, customers * ORDERS_PER_CUSTOMER, customers * ACTIVITY_PER_CUSTOMER);
            figures = new Figures();
            byVolume.put(customers, figures);
            report.title(String.format("Volume %,d customers: %,d orders, %,d activity records", customers, volume.orders(),
                    volume.activity()));
            report.note("Disk before loading: " + sh("df -h --output=avail,target " + out + " | tail -1").strip() + " free.");
            Path store = out.resolve("software");
            try (Db db = Db.start(quick ? 1L << 30 : 8L << 30)) {
                enoughDisk(db, volume);
                LoadedVolume loaded = startAndLoad(db, volume, secret, store);
                try (Product product = Product.start(jar, db, store, out.resolve("product-volume-" + customers + ".log"), false,
                        secret, List.of())) {
                    figures.add("start-up on the loaded database, s", product.startup().toMillis() / 1000.0);
                    Http http = new Http(product.base(), Duration.ofSeconds(30));
                    String admin = http.login(Product.ADMIN, Product.ADMIN_PASSWORD);
                    http.createUser(admin, Loader.AGENT, Product.ADMIN_PASSWORD, "ADMIN_AGENT", null);
                    String agent = http.login(Loader.AGENT, Product.ADMIN_PASSWORD);
                    MemorySampler sampler = new MemorySampler(product);
                    if (phases.contains("invoice")) {
                        invoiceRun(db, http, admin, loaded.loader().lastMonth());
                    }
                    if (phases.contains("orders")) {
                        orders(db, loaded.data(), http, agent, product, sampler);
                    }
                    if (phases.contains("reads")) {
                        reads(db, loaded.data(), http, agent, admin, product, sampler);
                    }
                    if (phases.contains("across")) {
                        across(loaded.data(), http, agent);
                    }
                }
                report.note("The database's directory at the end (data, indexes, 1 GiB of redo log): "
                        + sh("du -sh " + db.dataDirectory() + " | cut -f1").strip() + ".");
            }
        }
        volumesTable(byVolume);
    }

    /**
     * Refuses a volume the disk cannot hold, before loading it: the full volume took 8,180 MiB for 7.9 million rows
     * (about 1.1 KiB a row with its indexes); twice that is asked for (the redo log, the index rebuild's sort files).
     */
    private static void enoughDisk(Db db, Loader.Volume volume) throws IOException {
        long rows = volume.customers() * 2L + volume.orders() * 3L + volume.activity();
        long needed = rows * 1_100L * 2;
        long free = Files.getFileStore(db.dataDirectory()).getUsableSpace();
        System.out.printf("  disk: %,d MiB free for the database, about %,d MiB asked for %,d rows%n", free >> 20, needed >> 20, rows);
        if (free < needed) {
            throw new IllegalStateException(String.format("not enough disk for %s: %,d MiB free at %s, about %,d MiB needed",
                    volume, free >> 20, db.dataDirectory(), needed >> 20));
        }
    }

    /** Per request (or per 1,000 lines): such a figure is flat when largest/smallest volume stays within 1.5×. */
    private static final double FLAT = 1.5;

    private void volumesTable(Map<Integer, Figures> byVolume) {
        List<Integer> columns = List.copyOf(byVolume.keySet());
        report.title("How cost grows with the data: the same figures at " + columns.size() + " volumes");
        List<String> header = new ArrayList<>(List.of("figure"));
        columns.forEach(c -> header.add(String.format("%,d customers", c)));
        header.add(String.format("largest / smallest"));
        header.add("flat? (within " + FLAT + "×)");
        report.table(header.toArray(String[]::new));
        Map<String, Boolean> names = new LinkedHashMap<>();
        byVolume.values().forEach(f -> f.all().keySet().forEach(n -> names.put(n, true)));
        boolean allFlat = true;
        for (String name : names.keySet()) {
            List<String> row = new ArrayList<>(List.of(name));
            List<Double> medians = columns.stream().map(c -> Figures.median(byVolume.get(c).of(name))).toList();
            medians.forEach(m -> row.add(Figures.number(m)));
            double first = medians.get(0);
            double last = medians.get(medians.size() - 1);
            row.add(Report.ratio(last, first));
            boolean perRequest = name.contains("CPU ms/") || name.contains("p50") || name.contains("p99")
                    || name.contains("per 1,000 lines");
            if (perRequest && !Double.isNaN(first) && !Double.isNaN(last) && first > 0) {
                boolean flat = last / first <= FLAT;
                allFlat &= flat;
                row.add(flat ? "yes" : "NO");
            } else {
                row.add("");
            }
            report.row(row.toArray());
        }
        report.note("\"flat?\" is judged on figures per request (CPU ms per request or order, p50, p99: p99 of one client is "
                + "the noisiest, CPU per request the steadiest) and on the invoice run's "
                + "seconds per 1,000 lines (linear in the month's lines when flat); throughput rows are shown, not judged. "
                + (allFlat ? "Every judged figure is flat." : "A figure marked NO bends: see its row."));
        summary.put("per request cost and invoice seconds per 1,000 lines flat across the volumes (within " + FLAT + "×)",
                (allFlat ? "every judged row" : "not every row") + "|" + (allFlat ? "yes" : "NO"));
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

    private void machine(String volume) {
        report.title("Machine");
        report.table("what", "value");
        report.row("CPU", sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").strip() + ", " + sh("nproc").strip() + " cores");
        report.row("memory", sh("free -h | awk '/Mem:/ {print $2}'").strip());
        report.row("OS", sh(". /etc/os-release && echo $PRETTY_NAME").strip() + ", kernel " + sh("uname -r").strip());
        report.row("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        report.row("product", jar.getFileName() + " (bin/cspdesk, the production launcher: serial GC, -Xmx384m, class-data archive)");
        report.row("volume", volume);
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
                figures.add("load: seconds", loaded.took().toMillis() / 1000.0);
                figures.add("load: data and indexes, MiB", rs.getLong(1));
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
        int[] levels = volumes != null ? new int[]{32} : new int[]{1, 8, 32, 128};
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
            double r = p.perSecond() / limit.perSecond();
            figures.add("orders: CPU ms/order, product + DB, " + clients + " clients", (pc1 - pc0 + dc1 - dc0) / productOrders);
            figures.add("orders: p99 ms, " + clients + " clients", p.p99());
            figures.add("orders: bare JDBC orders/s, " + clients + " clients", limit.perSecond());
            if (clients == 32) {
                figures.target("orders/s at 32 clients ≥ 1,000", "orders: orders/s, 32 clients", p.perSecond(), "",
                        v -> v >= 1000, "");
                figures.target("orders: product / bare JDBC at 32 clients ≥ 0.67", "orders: product / bare JDBC ratio, 32 clients", r, "",
                        v -> v >= 0.67, "");
            } else {
                figures.add("orders: orders/s, " + clients + " clients", p.perSecond());
                figures.add("orders: product / bare JDBC ratio, " + clients + " clients", r);
            }
        }
        if (profile && volumes == null) {
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
        return globalStatus(db, "Questions");
    }

    /** One counter of SHOW GLOBAL STATUS, e.g. Innodb_buffer_pool_reads (pages InnoDB had to read: not in the pool). */
    static long globalStatus(Db db, String name) {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE '" + name + "'")) {
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
        // The sizes the product's answers have: the constant-body endpoints answer constants of those sizes.
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
        report.title("Reading: a customer's software list and a page of the activity log vs. the same statements in a bare Micronaut app");
        int[] levels = volumes != null ? new int[]{32} : new int[]{1, 8, 32};
        if (volumes != null) {
            // How the product's cost grows with the data: its own figures at 32 clients, no limits.
            report.table("read", "clients", "product req/s", "p50 ms", "p99 ms", "errors", "statements/request",
                    "CPU ms/request: product + DB", "buffer pool reads/request");
            for (String which : List.of("software list", "activity page")) {
                Measured p = measureRead(which, 32, db, product, which.startsWith("software") ? softwarePath : activityPath,
                        which.startsWith("software") ? agent : admin, http, sampler);
                report.row(which, 32, Report.f0(p.result().perSecond()), Report.f2(p.result().p50()), Report.f2(p.result().p99()),
                        p.result().failed(), Report.f1(p.statements()), p.cpu(), Report.f2(p.poolReads()));
                figures.add(which + ": req/s, 32 clients", p.result().perSecond());
                figures.add(which + ": buffer pool reads/request (pages not in the pool), 32 clients", p.poolReads());
                figures.add(which + ": p50 ms, 32 clients", p.result().p50());
                figures.add(which + ": p99 ms, 32 clients", p.result().p99());
                figures.add(which + ": CPU ms/request, product + DB, 32 clients", p.cpuPerRequest());
            }
            return;
        }
        int port = Product.freePort();
        Path bareLog = out.resolve("bare.log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dmicronaut.server.port=" + port, "-Dbare.software.bytes=" + softwareBytes,
                "-Dbare.activity.bytes=" + activityBytes, "-Dbare.jdbc.url=" + db.jdbcUrl(),
                "-cp", System.getProperty("java.class.path"), "com.cspdesk.bench.bare.BareServer");
        ProcessBuilder bareBuilder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(bareLog.toFile()));
        // The throwaway database's account, through the environment (not the command line).
        bareBuilder.environment().put("BARE_JDBC_USER", db.username());
        bareBuilder.environment().put("BARE_JDBC_PASSWORD", db.password());
        Process bare = bareBuilder.start();
        try {
            Http bareHttp = new Http("http://127.0.0.1:" + port, Duration.ofSeconds(30));
            awaitBare(bareHttp, bare);
            String statements = sameStatements(db, data, http, bareHttp, agent, admin, range);
            long fairSoftwareBytes = 0;
            long fairActivityBytes = 0;
            for (int i = 0; i < probes; i++) {
                fairSoftwareBytes += bareHttp.get("/fair" + softwarePath.apply(i), null).body().length;
                fairActivityBytes += bareHttp.get("/fair" + activityPath.apply(i), null).body().length;
            }
            report.note(String.format("Software list: GET /v1/customers/{id}/software, random customer (%,d bytes on average; "
                    + "the fair limit's %,d). Activity page: GET /v1/auditrecords?startDate=-30d&endDate=now&size=50&filter="
                    + "{CustomerId equals a random customer} (%,d bytes on average; the fair limit's %,d).%n%n"
                    + "Fair limit (bench/bare FairController): a bare Micronaut %s app, same threading, running the same two "
                    + "statements as the product (software list: the customer by id, then its entitlements; activity page: the "
                    + "page, then the count) over a HikariCP pool of 20 on the product's JDBC URL, and writing the same JSON "
                    + "shape with plain Jackson; no security, no use cases. %s%n%n"
                    + "Constant body: the same app answering a constant of the product's size (the HTTP stack's own ceiling).%n",
                    softwareBytes, fairSoftwareBytes / probes, activityBytes, fairActivityBytes / probes, "4.10", statements));
            report.table("read", "clients", "product req/s", "p50 ms", "p99 ms", "errors", "statements/request",
                    "CPU ms/request: product + DB", "fair limit req/s", "p50 ms", "p99 ms", "statements/request",
                    "CPU ms/request: fair app + DB", "product / fair", "constant body req/s", "p99 ms", "product / constant");
            for (String which : List.of("software list", "activity page")) {
                java.util.function.LongFunction<String> path = which.startsWith("software") ? softwarePath : activityPath;
                String token = which.startsWith("software") ? agent : admin;
                for (int clients : levels) {
                    Measured p = measureRead(which, clients, db, product, path, token, http, sampler);
                    Measured fair = measureRead("fair " + which, clients, db, bare.pid(), seq -> "/fair" + path.apply(seq), null,
                            bareHttp);
                    LoadDriver.Result b = LoadDriver.run("constant " + which, clients, warmup, measure, 5_000_000, 200,
                            (client, seq) -> bareHttp.get(path.apply(seq), null).status());
                    System.out.println("  " + p.result() + "\n  " + fair.result() + "\n  " + b);
                    double ratio = p.result().perSecond() / fair.result().perSecond();
                    report.row(which, clients, Report.f0(p.result().perSecond()), Report.f2(p.result().p50()),
                            Report.f2(p.result().p99()), p.result().failed(), Report.f1(p.statements()), p.cpu(),
                            Report.f0(fair.result().perSecond()), Report.f2(fair.result().p50()), Report.f2(fair.result().p99()),
                            Report.f1(fair.statements()), fair.cpu(), Report.ratio(p.result().perSecond(), fair.result().perSecond()),
                            Report.f0(b.perSecond()), Report.f2(b.p99()), Report.ratio(p.result().perSecond(), b.perSecond()));
                    figures.add(which + ": CPU ms/request, product + DB, " + clients + " clients", p.cpuPerRequest());
                    figures.add(which + ": CPU ms/request, fair limit + DB, " + clients + " clients", fair.cpuPerRequest());
                    if (clients == 32) {
                        figures.target(which + ": product / fair limit at 32 clients ≥ 0.8",
                                which + ": product / fair limit, 32 clients", ratio, "", v -> v >= 0.8, "");
                        figures.target(which + ": p99 < 20 ms at 32 clients", which + ": p99 ms, 32 clients",
                                p.result().p99(), " ms", v -> v < 20, "the fair limit's " + Report.f2(fair.result().p99()) + " ms");
                        figures.target(which + ": the fair limit's own p99 < 20 ms at 32 clients (does the limit allow it?)",
                                which + ": fair limit p99 ms, 32 clients", fair.result().p99(), " ms", v -> v < 20, "");
                    } else {
                        figures.add(which + ": product / fair limit, " + clients + " clients", ratio);
                    }
                    figures.add(which + ": product / constant body, " + clients + " clients", p.result().perSecond() / b.perSecond());
                }
            }
            revalidating(db, data, http, agent, product);
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
     * One level of a read: the result, statements per request, CPU per request of the serving process and the DB, and
     * the pages a request had to bring into InnoDB's buffer pool (from the page cache or the disk).
     */
    private record Measured(LoadDriver.Result result, double statements, double serverCpu, double dbCpu, double poolReads) {
        String cpu() {
            return Report.f2(serverCpu) + " + " + Report.f2(dbCpu);
        }

        double cpuPerRequest() {
            return serverCpu + dbCpu;
        }
    }

    private Measured measureRead(String which, int clients, Db db, Product product, java.util.function.LongFunction<String> path,
                                 String token, Http http, MemorySampler sampler) throws InterruptedException {
        if (clients == 32) {
            sampler.start();
        }
        try {
            return measureRead(which, clients, db, product.pid(), path, token, http);
        } finally {
            if (clients == 32) {
                sampler.stop();
            }
        }
    }

    private Measured measureRead(String which, int clients, Db db, long server, java.util.function.LongFunction<String> path,
                                 String token, Http http) {
        long q0 = questions(db);
        long pool0 = globalStatus(db, "Innodb_buffer_pool_reads");
        double sc0 = Product.cpuMillis(server);
        double dc0 = db.cpuMillis();
        LoadDriver.Result r = LoadDriver.run(which, clients, warmup, measure, 5_000_000, 200,
                (client, seq) -> http.get(path.apply(seq), token).status());
        // Less the two status queries counted since q0: the buffer pool's before the load and this count's own.
        double statements = (double) (questions(db) - q0 - 2) / Math.max(1, r.sent());
        double poolReads = (double) (globalStatus(db, "Innodb_buffer_pool_reads") - pool0) / Math.max(1, r.sent());
        return new Measured(r, statements, (Product.cpuMillis(server) - sc0) / Math.max(1, r.sent()),
                (db.cpuMillis() - dc0) / Math.max(1, r.sent()), poolReads);
    }

    /** Customers each revalidating client comes back to (an agent's dashboard watching its own customers). */
    private static final int OWN_CUSTOMERS = 16;

    /**
     * The software list read by 32 clients that revalidate: each keeps the ETag it last got per customer and sends it in
     * If-None-Match; 304 and 200 both count as answered. Against a product without ETags every answer is a 200 (0 % 304).
     */
    private void revalidating(Db db, DataSet data, Http http, String agent, Product product) {
        List<Map<String, String>> etags = new ArrayList<>();
        for (int c = 0; c < 32; c++) {
            etags.add(new java.util.HashMap<>());
        }
        int n = data.customers.size();
        long q0 = questions(db);
        double pc0 = product.cpuMillis();
        double dc0 = db.cpuMillis();
        LoadDriver.Result r = LoadDriver.run("software list, revalidating", 32, warmup, measure, 5_000_000,
                status -> status == 200 || status == 304, (client, seq) -> {
                    String tenant = data.customers.get((client * OWN_CUSTOMERS
                            + new SplittableRandom(seq * 13 + 5).nextInt(OWN_CUSTOMERS)) % n).tenantId();
                    Map<String, String> known = etags.get(client);
                    HttpRequest.Builder request = http.request("/v1/customers/" + tenant + "/software").GET()
                            .header("Authorization", "Bearer " + agent);
                    String tag = known.get(tenant);
                    if (tag != null) {
                        request.header("If-None-Match", tag);
                    }
                    Http.Reply reply = http.send(request.build());
                    reply.header("ETag").ifPresent(t -> known.put(tenant, t));
                    return reply.status();
                });
        double statements = (double) (questions(db) - q0 - 1) / Math.max(1, r.sent());
        double cpu = (product.cpuMillis() - pc0 + db.cpuMillis() - dc0) / Math.max(1, r.sent());
        long notModified = r.outcomes().getOrDefault(304, 0L);
        long full = r.outcomes().getOrDefault(200, 0L);
        double share = 100.0 * notModified / Math.max(1, notModified + full);
        System.out.println("  " + r);
        report.table("read", "clients", "product req/s", "p50 ms", "p99 ms", "errors", "200", "304", "304 share",
                "statements/request", "CPU ms/request: product + DB");
        report.row("software list, revalidating", 32, Report.f0(r.perSecond()), Report.f2(r.p50()), Report.f2(r.p99()),
                r.failed(), full, notModified, Report.f1(share) + " %", Report.f1(statements), Report.f2(cpu));
        report.note(String.format("Revalidating: each of the 32 clients comes back to its own %d customers, sending "
                + "If-None-Match with the ETag it last got for that customer (none when the product sends no ETag).%n", OWN_CUSTOMERS));
        figures.add("software list, revalidating: req/s, 32 clients", r.perSecond());
        figures.add("software list, revalidating: p99 ms, 32 clients", r.p99());
        figures.add("software list, revalidating: 304 share %, 32 clients", share);
    }

    /**
     * The statements the product and the fair limit send for one software list and one activity page, read from
     * MariaDB's general log (those naming the customer), compared as text; both lists go to out/reads-statements.txt.
     */
    private String sameStatements(Db db, DataSet data, Http http, Http bareHttp, String agent, String admin, String range)
            throws Exception {
        String tenant = data.customers.get(0).tenantId();
        String software = "/v1/customers/" + tenant + "/software";
        String activity = "/v1/auditrecords?" + range + "&size=50&filter=" + URLEncoder.encode("{\"field\":\"CustomerId\","
                + "\"value\":\"" + tenant + "\",\"operator\":\"equals\"}", StandardCharsets.UTF_8);
        List<String> product = logged(db, tenant, () -> {
            http.get(software, agent);
            http.get(activity, admin);
        });
        List<String> fair = logged(db, tenant, () -> {
            bareHttp.get("/fair" + software, null);
            bareHttp.get("/fair" + activity, null);
        });
        Files.writeString(out.resolve("reads-statements.txt"), "product:\n" + String.join("\n", product)
                + "\n\nfair limit:\n" + String.join("\n", fair) + "\n");
        boolean same = new java.util.HashSet<>(product).equals(new java.util.HashSet<>(fair)) && product.size() == fair.size();
        return String.format("The statements naming the customer in MariaDB's general log for one software list and one "
                + "activity page: the product's %d, the fair limit's %d, %s (out/reads-statements.txt).", product.size(), fair.size(),
                same ? "the same text" : "NOT the same text");
    }

    private static List<String> logged(Db db, String marker, Runnable requests) throws Exception {
        List<String> statements = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("SET GLOBAL log_output = 'TABLE'");
            s.execute("TRUNCATE mysql.general_log");
            s.execute("SET GLOBAL general_log = 1");
            try {
                requests.run();
            } finally {
                s.execute("SET GLOBAL general_log = 0");
            }
            try (ResultSet rs = s.executeQuery("SELECT CONVERT(argument USING utf8mb4) FROM mysql.general_log"
                    + " WHERE command_type = 'Query' AND argument LIKE '%" + marker + "%' ORDER BY event_time")) {
                while (rs.next()) {
                    statements.add(rs.getString(1));
                }
            }
        }
        return statements;
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
        long failed = 0;
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
            if (later != null && volumes == null) {
                pages.put("11th", later);
            }
            for (Map.Entry<String, String> page : pages.entrySet()) {
                String path = page.getValue();
                LoadDriver.Result r = LoadDriver.run(view.getKey() + " " + page.getKey(), 1, warm, measured, 1_000_000, 200,
                        (client, seq) -> http.get(path, agent).status());
                System.out.println("  " + r);
                boolean met = r.failed() == 0 && r.p99() < 50;
                if (page.getKey().equals("first")) {
                    failed += r.failed();
                    worst = Math.max(worst, r.p99());
                    if (volumes != null) {
                        // Which view bends, if one does: each first page's own row in the volumes table.
                        figures.add("across customers, " + view.getKey() + ": first page p50 ms, one client", r.p50());
                        figures.add("across customers, " + view.getKey() + ": first page p99 ms, one client", r.p99());
                    }
                }
                report.row(view.getKey(), page.getKey(), r.sent(), Report.f2(r.p50()), Report.f2(r.p99()), "50 ms",
                        met ? "yes" : "NO");
            }
        }
        figures.target("views across customers: every first page p99 < 50 ms, one client",
                "views across customers: worst first page p99 ms, one client", worst, " ms",
                v -> v < 50, failed == 0 ? "" : failed + " first-page requests failed");
        if (failed > 0) {
            summary.put("views across customers: no first page request failed", failed + " failed|NO");
        }
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
        figures.add("invoice run: order lines invoiced", invoiced);
        figures.target("invoice run over the order lines < 60 s", "invoice run: seconds", completed ? seconds : Double.NaN, " s",
                v -> v < 60, status);
        figures.add("invoice run: seconds per 1,000 lines", completed ? seconds * 1000 / invoiced : Double.NaN);
        figures.add("invoice run: product / bare INSERT … SELECT (rows/s)", (invoiced / seconds) / (lines / limitSeconds));
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
        // The client is curl writing to /dev/null: Java's HttpClient reading through an InputStream on the
        // same 2 cores was slower than the product's zero-copy sending and measured itself (issue #18 item 3).
        long t0 = System.nanoTime();
        Process curl = new ProcessBuilder("curl", "-s", "-o", "/dev/null", "-w", "%{http_code} %{size_download}", uri)
                .redirectErrorStream(true).start();
        String curlOut = new String(curl.getInputStream().readAllBytes()).trim();
        if (!curl.waitFor(5, java.util.concurrent.TimeUnit.MINUTES) || curl.exitValue() != 0) {
            throw new IllegalStateException("curl failed: " + curlOut);
        }
        String[] answer = curlOut.split(" ");
        int status = Integer.parseInt(answer[0]);
        long received = Long.parseLong(answer[1]);
        double seconds = (System.nanoTime() - t0) / 1e9;
        running.set(false);
        heapWatch.join(5_000);
        double rssAfter = product.memoryMiB("VmRSS");
        double heapAfter = product.heapUsedMiB(true);
        if (status != 200 || received != size) {
            throw new IllegalStateException("download answered " + status + " with " + received + " bytes");
        }
        double mb = size / 1e6;
        report.title(String.format("Downloading a %s file (GET /downloads/{token} with curl -o /dev/null) vs. cat of the same file to /dev/null",
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
        figures.add("download: product / cat (MB/s)", (mb / seconds) / (mb / catSeconds));
        figures.target("download: retained heap growth flat, < 64 MB", "download: retained heap growth MiB", retained, " MiB",
                v -> v < 64, "peak " + Report.f1(peakHeap.get() - heapBefore) + " MiB over the start");
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

    /** What an idle instance costs: statements it sends the database a second, and its own CPU, over {@value #IDLE_SECONDS} s. */
    record Idle(double statementsPerSecond, double cpuMillisPerSecond) {
    }

    static final int IDLE_SECONDS = 10;

    /**
     * Started, nothing asked yet: the scheduled work alone (webhook delivery's look for due deliveries, the pool's
     * keep-alive, the invoicing schedule). The second counter read counts itself (the first was counted before its
     * value was read): subtracted.
     */
    private static Idle idle(Db db, Product product) {
        long q0 = questions(db);
        double cpu0 = product.cpuMillis();
        Db.sleep(IDLE_SECONDS * 1000L);
        long q1 = questions(db);
        double cpu1 = product.cpuMillis();
        return new Idle(Math.max(0, q1 - q0 - 1) / (double) IDLE_SECONDS, (cpu1 - cpu0) / IDLE_SECONDS);
    }

    private void startupTable(Duration first, String firstMicronaut, Product product, double idleRss, double idleHeap,
                              double signedInRss, Idle idle, MemorySampler sampler) {
        report.title("Start-up and resident memory");
        report.table("what", "value");
        report.row("start-up on an empty database (Flyway creates the schema), to the first 200 on /health",
                String.format("%.2f s (Micronaut: %s)", first.toMillis() / 1000.0, firstMicronaut));
        report.row("start-up on the loaded database, to the first 200 on /health",
                String.format("%.2f s (Micronaut: %s)", product.startup().toMillis() / 1000.0, product.micronautStartup()));
        report.row("RSS idle (after start-up, before any request)", Report.f0(idleRss) + " MiB (heap in use " + Report.f0(idleHeap) + " MiB)");
        report.row("idle, after start-up: statements sent to the database a second; the product's CPU",
                String.format("%.1f a second; %.1f ms of CPU a second", idle.statementsPerSecond(), idle.cpuMillisPerSecond()));
        report.row("RSS after two sign-ins and a user created (Argon2id: 19 MiB of blocks a hash)", Report.f0(signedInRss) + " MiB");
        report.row("RSS under load (peak while 128 clients place orders and 32 clients read)",
                sampler.peak() > 0 ? Report.f0(sampler.peak()) + " MiB" : "not measured in this run");
        report.row("RSS high-water mark of the whole run (VmHWM)", Report.f0(product.memoryMiB("VmHWM")) + " MiB");
        figures.target("start-up on the loaded database < 2 s", "start-up on the loaded database, s",
                product.startup().toMillis() / 1000.0, " s", v -> v < 2, "to the first 200 on /health, launcher bin/cspdesk");
        figures.target("RSS idle < 256 MiB", "RSS idle, MiB", idleRss, " MiB", v -> v < 256, "after start-up, before any request");
        figures.add("RSS after the first sign-ins, MiB", signedInRss);
        figures.add("idle: statements a second to the database", idle.statementsPerSecond());
        figures.add("idle: product CPU ms a second", idle.cpuMillisPerSecond());
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
