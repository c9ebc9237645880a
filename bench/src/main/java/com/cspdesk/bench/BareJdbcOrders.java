package com.cspdesk.bench;

import com.cspdesk.domain.activity.ActivityChain;
import com.cspdesk.domain.activity.ActivityEntry;
import com.cspdesk.domain.market.Market;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.money.PriceQuotePolicy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The limit of placing an order: the same rows the product writes for a one-line software order
 * (customer_order, order_line, software_entitlement, activity_record with the chain head locked,
 * read and moved on), the same statements, one transaction each, written by a bare JDBC program
 * with one connection per client on the same server and durability settings.
 */
final class BareJdbcOrders implements AutoCloseable {

    private static final String ORDER_SQL = "INSERT INTO customer_order (id, customer_tenant_id, billing_cycle, currency,"
            + " created_at, status, total_net, total_tax, total_gross, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String LINE_SQL = "INSERT INTO order_line (order_id, line_item_number, customer_tenant_id, offer_id,"
            + " product_id, sku_id, availability_id, friendly_name, kind, term_duration, quantity, unit_price, net, tax, gross,"
            + " tax_included, status, credited_net, credited_tax, credited_gross, cancelled_at, order_created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String ENTITLEMENT_SQL = "INSERT INTO software_entitlement (id, customer_tenant_id, order_id,"
            + " line_item_number, product_id, sku_id, product_name, contract_type, purchased_at, versions, languages,"
            + " bitness, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Connection[] connections;
    private final DataSet data;
    private final PriceQuotePolicy prices = PriceQuotePolicy.defaults();

    BareJdbcOrders(Db db, DataSet data, int clients) throws SQLException {
        this.data = data;
        this.connections = new Connection[clients];
        for (int i = 0; i < clients; i++) {
            connections[i] = db.connect();
            connections[i].setAutoCommit(false);
        }
    }

    /** One order for a random customer in its own transaction; answers 201 like the product on success. */
    int place(int client, SplittableRandom random) throws SQLException {
        Connection c = connections[client];
        DataSet.Customer customer = data.customers.get(random.nextInt(data.customers.size()));
        List<DataSet.Offer> offers = data.softwareByCurrency.get(customer.currency());
        DataSet.Offer offer = offers.get(random.nextInt(offers.size()));
        Market market = Market.of(customer.country());
        PriceQuote quote = prices.quote(Money.of(offer.unitPrice(), Currency.getInstance(customer.currency())), 1, market);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Timestamp ts = Timestamp.from(now);
        String orderId = Loader.uuid(random);
        try {
            try (PreparedStatement s = c.prepareStatement(ORDER_SQL)) {
                set(s, orderId, customer.tenantId(), "one_time", customer.currency(), ts, "completed",
                        quote.net().amount(), quote.tax().amount(), quote.gross().amount(), Loader.AGENT);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(LINE_SQL)) {
                set(s, orderId, 0, customer.tenantId(), offer.offerId(), offer.productId(), offer.skuId(),
                        offer.availabilityId(), offer.friendlyName(), offer.kind(), offer.term(), 1, offer.unitPrice(),
                        quote.net().amount(), quote.tax().amount(), quote.gross().amount(), prices.includesTax(market),
                        "active", java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO, null, ts);
                s.addBatch(); // the product writes an order's lines as a batch
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement(ENTITLEMENT_SQL)) {
                set(s, Loader.uuid(random), customer.tenantId(), orderId, 0, offer.productId(), offer.skuId(),
                        offer.friendlyName(), offer.kind().contains("SUBSCRIPTION") ? "subscription" : "perpetual", ts,
                        offer.entitledVersions(), offer.sortedLanguages(), offer.bitness(), "active");
                s.addBatch(); // the product grants entitlements as a batch
                s.executeBatch();
            }
            String chain = customer.tenantId();
            try (PreparedStatement s = c.prepareStatement("INSERT INTO activity_chain_head (chain_key, last_seq, last_hash)"
                    + " VALUES (?, 0, ?) ON DUPLICATE KEY UPDATE chain_key = chain_key")) {
                set(s, chain, ActivityChain.GENESIS);
                s.executeUpdate();
            }
            long last;
            String lastHash;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT last_seq, last_hash FROM activity_chain_head WHERE chain_key = ? FOR UPDATE")) {
                s.setString(1, chain);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    last = rs.getLong(1);
                    lastHash = rs.getString(2);
                }
            }
            Map<String, String> d = new LinkedHashMap<>();
            d.put("lineItems", "1");
            d.put("offerIds", offer.offerId());
            d.put("totalGross", quote.gross().amount().toPlainString());
            d.put("currency", customer.currency());
            ActivityEntry entry = new ActivityEntry(now, "create_order", ActivityEntry.SUCCEEDED, Loader.AGENT, null,
                    customer.tenantId(), customer.name(), "order", orderId, d);
            String hash = ActivityChain.hash(lastHash, last + 1, entry);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO activity_record (id, chain_key, chain_seq,"
                    + " previous_hash, hash, operation_date, operation_type, operation_status, user_principal_name,"
                    + " application_id, customer_id, customer_name, resource_type, resource_id, customized_data)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                set(s, Loader.uuid(random), chain, last + 1, lastHash, hash, ts, "create_order", ActivityEntry.SUCCEEDED,
                        Loader.AGENT, null, customer.tenantId(), customer.name(), "order", orderId,
                        Loader.customizedData(d));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE activity_chain_head SET last_seq = ?, last_hash = ? WHERE chain_key = ?")) {
                set(s, last + 1, hash, chain);
                s.executeUpdate();
            }
            c.commit();
            return 201;
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }

    private static void set(PreparedStatement s, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            s.setObject(i + 1, values[i]);
        }
    }

    @Override
    public void close() {
        for (Connection c : connections) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }
}
