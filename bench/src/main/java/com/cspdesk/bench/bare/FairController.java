package com.cspdesk.bench.bare;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.annotation.PreDestroy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The fair limit of the read paths: the same two statements the product runs for a customer's software list
 * (the customer by id, then its entitlements) and for a page of the activity log (the page, then the count),
 * copied from adapters-persistence's CustomersJdbcAdapter, OwnedSoftwareJdbcAdapter and ActivityRecordsJdbcAdapter,
 * over a HikariCP pool of the product's size on the product's JDBC URL, each statement on a pooled connection in
 * autocommit as the product's adapters run them, written with plain Jackson in the product's JSON shape. No security,
 * no use cases, no mapping to the domain. The bench compares the statements both send (MariaDB's general log) and
 * reports whether they are the same text.
 *
 * <p>Enabled by {@code bare.jdbc.url} (user and password from {@code BARE_JDBC_USER} / {@code BARE_JDBC_PASSWORD}).
 */
@Controller("/fair")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "bare.jdbc.url")
class FairController {

    static final String CUSTOMER = "SELECT tenant_id, company_name, domain, country, created_at,"
            + " billing_first_name, billing_last_name, billing_email, billing_culture, billing_language, billing_company_name,"
            + " address_region, address_city, address_state, address_line1, address_line2, address_line3,"
            + " address_postal_code, address_first_name, address_last_name, address_phone_number"
            + " FROM customer WHERE tenant_id = ?";
    static final String SOFTWARE = "SELECT id, customer_tenant_id, order_id, line_item_number, product_id, sku_id,"
            + " product_name, contract_type, purchased_at, versions, languages, bitness, status FROM software_entitlement"
            + " WHERE customer_tenant_id = ? ORDER BY purchased_at DESC, order_id DESC, line_item_number";
    private static final String RECORD = "SELECT id, chain_seq, previous_hash, hash, operation_date, operation_type,"
            + " operation_status, user_principal_name, application_id, customer_id, customer_name, resource_type,"
            + " resource_id, customized_data FROM activity_record";
    private static final String BY_CUSTOMER = " WHERE operation_date >= ? AND operation_date < ? AND customer_id_key = LOWER(?)";
    static final String ACTIVITY_PAGE = RECORD + BY_CUSTOMER + " ORDER BY operation_date DESC, id DESC LIMIT ";
    static final String ACTIVITY_COUNT = "SELECT COUNT(*) FROM activity_record" + BY_CUSTOMER;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<KeyValue>> KEY_VALUES = new TypeReference<>() {
    };

    private final HikariDataSource pool;

    FairController(@Value("${bare.jdbc.url}") String url, @Value("${bare.jdbc.pool-size:20}") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(System.getenv("BARE_JDBC_USER"));
        config.setPassword(System.getenv("BARE_JDBC_PASSWORD"));
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(5_000);
        config.setPoolName("fair");
        this.pool = new HikariDataSource(config);
    }

    @PreDestroy
    void close() {
        pool.close();
    }

    record Software(String id, String orderId, int lineItemNumber, String productId, String skuId, String productName,
                    String contractType, String purchaseDate, String status, List<String> versions, List<String> languages,
                    List<String> bitness, boolean keyAvailable) {
    }

    record KeyValue(String key, String value) {
    }

    record Activity(String id, String operationDate, String operationType, String operationKind, String operationStatus,
                    String userPrincipalName, String applicationId, String customerId, String customerName,
                    String resourceType, String resourceKind, String resourceId, List<KeyValue> customizedData) {
    }

    record Link(String uri, String method) {
    }

    record Collection<T>(long totalCount, List<T> items, Map<String, Link> links) {
    }

    @Get(uri = "/v1/customers/{customerId}/software", produces = MediaType.APPLICATION_JSON)
    HttpResponse<byte[]> software(@PathVariable String customerId) throws SQLException {
        List<Software> items = new ArrayList<>();
        try (Connection c = pool.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(CUSTOMER)) {
                s.setString(1, customerId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return HttpResponse.notFound();
                    }
                    rs.getString("company_name");
                }
            }
        }
        // A second borrow: the product's adapters each take a connection for their one statement.
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(SOFTWARE)) {
            s.setString(1, customerId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String status = rs.getString("status");
                    items.add(new Software(rs.getString("id"), rs.getString("order_id"), rs.getInt("line_item_number"),
                            rs.getString("product_id"), rs.getString("sku_id"), rs.getString("product_name"),
                            rs.getString("contract_type"), rs.getTimestamp("purchased_at").toInstant().toString(), status,
                            split(rs.getString("versions")), split(rs.getString("languages")), split(rs.getString("bitness")),
                            "active".equals(status)));
                }
            }
        }
        return HttpResponse.ok(write(new Collection<>(items.size(), items, Map.of())));
    }

    @Get(uri = "/v1/auditrecords", produces = MediaType.APPLICATION_JSON)
    HttpResponse<byte[]> activity(@QueryValue String startDate, @QueryValue String endDate, @QueryValue int size,
                                  @QueryValue String filter) throws SQLException, IOException {
        Timestamp from = Timestamp.from(Instant.parse(startDate));
        Timestamp to = Timestamp.from(Instant.parse(endDate));
        String customer = JSON.readTree(filter).path("value").asText();
        List<Activity> items = new ArrayList<>();
        String last = null;
        boolean more = false;
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(ACTIVITY_PAGE + (size + 1))) {
            s.setTimestamp(1, from);
            s.setTimestamp(2, to);
            s.setString(3, customer);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (items.size() == size) {
                        more = true;
                        break;
                    }
                    String operation = rs.getString("operation_type");
                    String resource = rs.getString("resource_type");
                    String date = rs.getTimestamp("operation_date").toInstant().toString();
                    items.add(new Activity(rs.getString("id"), date, operation, operation, rs.getString("operation_status"),
                            rs.getString("user_principal_name"), rs.getString("application_id"), rs.getString("customer_id"),
                            rs.getString("customer_name"), resource, resource, rs.getString("resource_id"),
                            JSON.readValue(rs.getString("customized_data"), KEY_VALUES)));
                    last = date + "|" + rs.getString("id");
                }
            }
        }
        long total;
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(ACTIVITY_COUNT)) {
            s.setTimestamp(1, from);
            s.setTimestamp(2, to);
            s.setString(3, customer);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
        }
        Map<String, Link> links = more ? Map.of("next", new Link("auditrecords?size=" + size + "&continuationToken="
                + Base64.getUrlEncoder().encodeToString(last.getBytes(StandardCharsets.UTF_8)), "GET")) : Map.of();
        return HttpResponse.ok(write(new Collection<>(total, items, links)));
    }

    private static List<String> split(String list) {
        return list == null || list.isEmpty() ? List.of() : Arrays.asList(list.split(","));
    }

    private static byte[] write(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
