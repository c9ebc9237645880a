package com.cspdesk.bench;

import com.cspdesk.domain.activity.ActivityChain;
import com.cspdesk.domain.activity.ActivityEntry;
import com.cspdesk.domain.market.Market;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.money.PriceQuotePolicy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loads the volume straight into the product's tables (after Flyway made them) with batched
 * multi-row INSERTs (Connector/J rewriteBatchedStatements) from a few parallel connections:
 * customers, orders with one line each, an entitlement for every software line, and activity
 * records with a valid hash chain per customer ({@link ActivityChain#hash}) and its chain head.
 *
 * <p>All orders are dated in the 75 days before the current month, so last month's invoice run
 * takes every loaded order line; the other activity records spread over the last 85 days.
 */
final class Loader {

    static final String AGENT = "bench.agent@partner.bench";
    private static final int BATCH = 1000;
    private static final String ORDER_SQL = "INSERT INTO customer_order (id, customer_tenant_id, billing_cycle, currency,"
            + " created_at, status, total_net, total_tax, total_gross, created_by) VALUES (?, ?, 'one_time', ?, ?, 'completed', ?, ?, ?, ?)";
    private static final String LINE_SQL = "INSERT INTO order_line (order_id, line_item_number, customer_tenant_id, offer_id,"
            + " product_id, sku_id, availability_id, friendly_name, kind, term_duration, quantity, unit_price, net, tax, gross,"
            + " tax_included, status, credited_net, credited_tax, credited_gross, cancelled_at, order_created_at)"
            + " VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', 0, 0, 0, NULL, ?)";
    private static final String ENTITLEMENT_SQL = "INSERT INTO software_entitlement (id, customer_tenant_id, order_id,"
            + " line_item_number, product_id, sku_id, product_name, contract_type, purchased_at, versions, languages,"
            + " bitness, status) VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, 'active')";
    static final String ACTIVITY_SQL = "INSERT INTO activity_record (id, chain_key, chain_seq, previous_hash, hash,"
            + " operation_date, operation_type, operation_status, user_principal_name, application_id, customer_id,"
            + " customer_name, resource_type, resource_id, customized_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)";
    private static final String HEAD_SQL = "INSERT INTO activity_chain_head (chain_key, last_seq, last_hash) VALUES (?, ?, ?)";

    record Volume(int customers, int orders, int activity) {
    }

    record Loaded(Volume volume, long entitlements, Duration took) {
        double rowsPerSecond() {
            return (volume.customers() + 2L * volume.orders() + entitlements + volume.activity() + volume.customers())
                    / Math.max(0.001, took.toMillis() / 1000.0);
        }
    }

    private final Db db;
    private final DataSet data;
    private final PriceQuotePolicy prices = PriceQuotePolicy.defaults();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private final Instant monthStart = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();

    Loader(Db db, DataSet data) {
        this.db = db;
        this.data = data;
    }

    /** The billing month every loaded order falls into or before (the month before this one). */
    String lastMonth() {
        return LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1).toString().substring(0, 7);
    }

    Loaded load(Volume volume, int threads) throws Exception {
        long begin = System.nanoTime();
        insertCustomers(volume.customers());
        List<String> indexes = dropSecondaryIndexes("activity_record");
        AtomicLong entitlements = new AtomicLong();
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int worker = t;
            work.add(pool.submit(() -> {
                loadCustomers(worker, threads, volume, entitlements, done, begin);
                return null;
            }));
        }
        pool.shutdown();
        for (Future<?> f : work) {
            f.get();
        }
        long rebuild = System.nanoTime();
        recreateIndexes("activity_record", indexes);
        System.out.printf("  activity_record's %d secondary indexes rebuilt in %.0f s%n", indexes.size(),
                (System.nanoTime() - rebuild) / 1e9);
        return new Loaded(volume, entitlements.get(), Duration.ofNanos(System.nanoTime() - begin));
    }

    /**
     * Drops a table's secondary indexes (read from information_schema, so they are whatever the
     * migrations made) and answers the clauses that put them back: one sorted index build after the
     * load instead of seven random B-tree insertions per row.
     */
    private List<String> dropSecondaryIndexes(String table) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Map<String, Boolean> unique = new LinkedHashMap<>();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            try (java.sql.ResultSet rs = s.executeQuery("SELECT index_name, non_unique, column_name, sub_part"
                    + " FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = '" + table
                    + "' AND index_name <> 'PRIMARY' ORDER BY index_name, seq_in_index")) {
                while (rs.next()) {
                    String sub = rs.getString(4);
                    columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add("`" + rs.getString(3) + "`" + (sub == null ? "" : "(" + sub + ")"));
                    unique.put(rs.getString(1), rs.getInt(2) == 0);
                }
            }
            List<String> add = new ArrayList<>();
            List<String> drop = new ArrayList<>();
            columns.forEach((name, cols) -> {
                add.add("ADD " + (unique.get(name) ? "UNIQUE " : "") + "INDEX `" + name + "` (" + String.join(", ", cols) + ")");
                drop.add("DROP INDEX `" + name + "`");
            });
            if (!drop.isEmpty()) {
                s.execute("ALTER TABLE " + table + " " + String.join(", ", drop));
            }
            return add;
        }
    }

    private void recreateIndexes(String table, List<String> add) throws SQLException {
        if (add.isEmpty()) {
            return;
        }
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE " + table + " " + String.join(", ", add) + ", ALGORITHM=INPLACE, LOCK=NONE");
        }
    }

    private void insertCustomers(int count) throws SQLException {
        Random random = new Random(42);
        int[] cumulative = new int[DataSet.MARKETS.length];
        int sum = 0;
        for (int i = 0; i < DataSet.MARKETS.length; i++) {
            sum += Integer.parseInt(DataSet.MARKETS[i][2]);
            cumulative[i] = sum;
        }
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO customer (tenant_id, company_name, name_key,"
                    + " domain, domain_key, country, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < count; i++) {
                    int pick = random.nextInt(sum);
                    int m = 0;
                    while (cumulative[m] <= pick) {
                        m++;
                    }
                    String tenant = new UUID(random.nextLong() & 0xffffffffffff0fffL | 0x4000L,
                            random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L).toString();
                    String name = String.format("Bench Customer %05d %s", i, suffix(DataSet.MARKETS[m][0]));
                    String domain = String.format("c%05d.bench.example", i);
                    insert.setString(1, tenant);
                    insert.setString(2, name);
                    insert.setString(3, name.toLowerCase(java.util.Locale.ROOT));
                    insert.setString(4, domain);
                    insert.setString(5, domain);
                    insert.setString(6, DataSet.MARKETS[m][0]);
                    insert.setTimestamp(7, Timestamp.from(monthStart.minus(Duration.ofDays(120))));
                    insert.addBatch();
                    data.customers.add(new DataSet.Customer(tenant, name, DataSet.MARKETS[m][0], DataSet.MARKETS[m][1]));
                    if (i % BATCH == BATCH - 1) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            c.commit();
        }
    }

    private static String suffix(String country) {
        return switch (country) {
            case "DE" -> "GmbH";
            case "HU" -> "Kft.";
            case "PL" -> "Sp. z o.o.";
            case "SE" -> "AB";
            case "TR" -> "A.Ş.";
            case "BR" -> "Ltda.";
            case "AU" -> "Pty Ltd";
            case "GB" -> "Ltd";
            default -> "Inc.";
        };
    }

    private record Bought(String orderId, Instant at, DataSet.Offer offer, PriceQuote quote, String entitlementId) {
    }

    private record Event(Instant at, String type, String resourceType, String resourceId, Map<String, String> data) {
    }

    private void loadCustomers(int worker, int workers, Volume volume, AtomicLong entitlements, AtomicLong done,
                               long begin) throws SQLException {
        SplittableRandom random = new SplittableRandom(1000 + worker);
        int customers = data.customers.size();
        long ordersSpan = Duration.ofDays(75).toMillis() * 1000;
        Instant ordersFrom = monthStart.minus(Duration.ofDays(75));
        Instant activityFrom = now.minus(Duration.ofDays(85));
        long activitySpan = Duration.between(activityFrom, now.minus(Duration.ofHours(1))).toMillis() * 1000;
        try (Connection c = db.connectForBulkLoad()) {
            // autocommit: every LOAD DATA of a few MiB is its own transaction
            try (Statement s = c.createStatement()) {
                s.execute("SET SESSION unique_checks = 0, foreign_key_checks = 0");
            }
            Tsv orders = new Tsv("customer_order", "id, customer_tenant_id, billing_cycle, currency, created_at, status,"
                    + " total_net, total_tax, total_gross, created_by");
            Tsv lines = new Tsv("order_line", "order_id, line_item_number, customer_tenant_id, offer_id, product_id, sku_id,"
                    + " availability_id, friendly_name, kind, term_duration, quantity, unit_price, net, tax, gross, tax_included,"
                    + " status, credited_net, credited_tax, credited_gross, cancelled_at, order_created_at");
            // Issue #16: a server subscription line has its subscription row, as the product's order does it.
            Tsv subscriptions = new Tsv("subscription", "id, customer_tenant_id, order_id, line_item_number, kind, term_duration,"
                    + " currency, charge_net, charge_tax, charge_gross, created_at, term_number, term_start, term_end, auto_renew,"
                    + " status");
            Tsv ents = new Tsv("software_entitlement", "id, customer_tenant_id, order_id, line_item_number, product_id, sku_id,"
                    + " product_name, contract_type, purchased_at, versions, languages, bitness, status");
            Tsv activity = new Tsv("activity_record", "id, chain_key, chain_seq, previous_hash, hash, operation_date,"
                    + " operation_type, operation_status, user_principal_name, application_id, customer_id, customer_name,"
                    + " resource_type, resource_id, customized_data");
            Tsv heads = new Tsv("activity_chain_head", "chain_key, last_seq, last_hash");
            java.math.BigDecimal zero = java.math.BigDecimal.ZERO;
            for (int i = worker; i < customers; i += workers) {
                DataSet.Customer customer = data.customers.get(i);
                int nOrders = share(volume.orders(), customers, i);
                int nOther = share(volume.activity() - volume.orders(), customers, i);
                List<Bought> bought = new ArrayList<>(nOrders);
                Currency currency = Currency.getInstance(customer.currency());
                Market market = Market.of(customer.country());
                boolean taxIncluded = prices.includesTax(market);
                for (int k = 0; k < nOrders; k++) {
                    List<DataSet.Offer> pool = random.nextInt(100) < 85 || !data.plansByCurrency.containsKey(customer.currency())
                            ? data.softwareByCurrency.get(customer.currency()) : data.plansByCurrency.get(customer.currency());
                    DataSet.Offer offer = pool.get(random.nextInt(pool.size()));
                    int quantity = Math.max(offer.minQuantity(), Math.min(offer.maxQuantity(), 1 + random.nextInt(4)));
                    PriceQuote quote = prices.quote(Money.of(offer.unitPrice(), currency), quantity, market);
                    Instant at = ordersFrom.plus(random.nextLong(ordersSpan), ChronoUnit.MICROS);
                    String orderId = uuid(random);
                    String entitlementId = offer.software() ? uuid(random) : null;
                    bought.add(new Bought(orderId, at, offer, quote, entitlementId));
                    orders.add(orderId).add(customer.tenantId()).add("one_time").add(customer.currency()).add(at)
                            .add("completed").add(quote.net().amount()).add(quote.tax().amount()).add(quote.gross().amount())
                            .add(AGENT).end(c);
                    lines.add(orderId).add(0).add(customer.tenantId()).add(offer.offerId()).add(offer.productId())
                            .add(offer.skuId()).add(offer.availabilityId()).add(offer.friendlyName()).add(offer.kind())
                            .add(offer.term()).add(quantity).add(offer.unitPrice()).add(quote.net().amount())
                            .add(quote.tax().amount()).add(quote.gross().amount()).add(taxIncluded).add("active")
                            .add(zero).add(zero).add(zero).add(null).add(at).end(c);
                    if (offer.kind().endsWith("_SUBSCRIPTION") && offer.term() != null) {
                        int years = "P3Y".equals(offer.term()) ? 3 : 1;
                        subscriptions.add(uuid(random)).add(customer.tenantId()).add(orderId).add(0).add(offer.kind())
                                .add(offer.term()).add(customer.currency()).add(quote.net().amount()).add(quote.tax().amount())
                                .add(quote.gross().amount()).add(at).add(1).add(at)
                                .add(at.atZone(java.time.ZoneOffset.UTC).plusYears(years).toInstant()).add(true).add("active").end(c);
                    }
                    if (entitlementId != null) {
                        ents.add(entitlementId).add(customer.tenantId()).add(orderId).add(0).add(offer.productId())
                                .add(offer.skuId()).add(offer.friendlyName())
                                .add(offer.kind().contains("SUBSCRIPTION") ? "subscription" : "perpetual").add(at)
                                .add(offer.entitledVersions()).add(offer.sortedLanguages()).add(offer.bitness()).add("active")
                                .end(c);
                        entitlements.incrementAndGet();
                    }
                }
                // The customer's activity, oldest first, chained.
                List<Event> events = new ArrayList<>(nOrders + nOther);
                List<Bought> software = bought.stream().filter(b -> b.entitlementId() != null).toList();
                for (Bought b : bought) {
                    Map<String, String> d = new LinkedHashMap<>();
                    d.put("lineItems", "1");
                    d.put("offerIds", b.offer().offerId());
                    d.put("totalGross", b.quote().gross().amount().toPlainString());
                    d.put("currency", customer.currency());
                    events.add(new Event(b.at(), "create_order", "order", b.orderId(), d));
                }
                for (int k = 0; k < nOther; k++) {
                    Instant at = activityFrom.plus(random.nextLong(activitySpan), ChronoUnit.MICROS);
                    if (software.isEmpty()) {
                        Bought b = bought.get(random.nextInt(bought.size()));
                        events.add(new Event(at, "get_order", "order", b.orderId(), Map.of()));
                        continue;
                    }
                    Bought b = software.get(random.nextInt(software.size()));
                    Map<String, String> d = new LinkedHashMap<>();
                    d.put("version", b.offer().version());
                    d.put("language", "en-US");
                    d.put("bitness", "x64");
                    int kind = random.nextInt(10);
                    String type;
                    String resourceType;
                    if (kind < 3) {
                        type = "get_software_key";
                        resourceType = "software_key";
                    } else if (kind < 6) {
                        type = "get_software_download_link";
                        resourceType = "software_download_link";
                        d.put("expiresAt", at.plus(Duration.ofDays(14)).toString());
                        d.put("linkId", Long.toHexString(random.nextLong()));
                    } else {
                        type = "download_software";
                        resourceType = "software_download";
                        d.put("fileName", "SW_DVD9_Bench_" + b.offer().productId() + ".iso");
                        d.put("linkId", Long.toHexString(random.nextLong()));
                    }
                    events.add(new Event(at, type, resourceType, b.entitlementId(), d));
                }
                events.sort(Comparator.comparing(Event::at));
                String previous = ActivityChain.GENESIS;
                long sequence = 0;
                for (Event e : events) {
                    sequence++;
                    ActivityEntry entry = new ActivityEntry(e.at(), e.type(), ActivityEntry.SUCCEEDED, AGENT, null,
                            customer.tenantId(), customer.name(), e.resourceType(), e.resourceId(), e.data());
                    String hash = ActivityChain.hash(previous, sequence, entry);
                    activity.add(uuid(random)).add(customer.tenantId()).add(sequence).add(previous).add(hash)
                            .add(entry.operationDate()).add(e.type()).add(ActivityEntry.SUCCEEDED).add(AGENT).add(null)
                            .add(customer.tenantId()).add(customer.name()).add(e.resourceType()).add(e.resourceId())
                            .add(customizedData(e.data())).end(c);
                    previous = hash;
                }
                heads.add(customer.tenantId()).add(sequence).add(previous).end(c);
                long finished = done.incrementAndGet();
                if (finished % Math.max(100, customers / 10 / 100 * 100) == 0) {
                    System.out.printf("  generated %d of %d customers (%.0f s)%n", finished, customers,
                            (System.nanoTime() - begin) / 1e9);
                }
            }
            for (Tsv t : List.of(orders, lines, subscriptions, ents, activity, heads)) {
                t.flush(c);
            }
        }
    }

    /** Customer i's share of a total, so that the shares add up to the total exactly. */
    static int share(int total, int parts, int i) {
        return total / parts + (i < total % parts ? 1 : 0);
    }

    static String uuid(SplittableRandom random) {
        return new UUID(random.nextLong() & 0xffffffffffff0fffL | 0x4000L,
                random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L).toString();
    }

    /** The product's stored form of customizedData: a JSON array of {"key","value"} in order. */
    static String customizedData(Map<String, String> data) {
        StringBuilder json = new StringBuilder("[");
        boolean first = true;
        for (Map.Entry<String, String> item : data.entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            json.append("{\"key\":\"").append(item.getKey()).append("\",\"value\":\"").append(item.getValue()).append("\"}");
        }
        return json.append(']').toString();
    }
}
