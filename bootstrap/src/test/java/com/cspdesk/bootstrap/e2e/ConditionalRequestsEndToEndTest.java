package com.cspdesk.bootstrap.e2e;

import com.cspdesk.bootstrap.e2e.CancellationEndToEndTest.Shop;
import com.cspdesk.bootstrap.e2e.SoftwareEndToEndTest.Purchases;
import com.cspdesk.bootstrap.e2e.SoftwareEndToEndTest.Purchases.Download;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #18 item 2, the product half: conditional GETs and gzip. Every revalidated route (a customer's
 * software and orders, the pages across customers, customers, invoices and their lines) answers 200 with a
 * weak ETag, and the same request with {@code If-None-Match} 304 with no body; an order, a cancellation, a
 * new customer or an invoice run changes the tag; a caller who may not read a resource gets its 403/404,
 * never a 304, whatever tag it sends. JSON, problem+json and CSV are gzipped when asked; a download never is.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConditionalRequestsEndToEndTest extends EndToEnd {

    private final Purchases purchases = new Purchases(this);
    private final Shop shop = new Shop(this);

    private String agent;
    private String accountAdmin;
    private String tenantA;
    private String tenantB;
    private String orderOfA;
    private String orderOfB;
    private String sqlOfA;
    private String adminOfA;
    private YearMonth month;

    @Override
    public Map<String, String> getProperties() {
        return purchases.withStore(super.getProperties());
    }

    @Override
    boolean invoiceSchedule() {
        return false;
    }

    @BeforeAll
    void buy() {
        agent = loginDemo("admin.agent@partner.demo");
        accountAdmin = loginDemo("account.admin@partner.demo");
        tenantA = purchases.createCustomer(agent, "Conditional Tenant A Kft.", "HU");
        tenantB = purchases.createCustomer(agent, "Conditional Tenant B Kft.", "HU");
        orderOfA = purchases.buy(agent, tenantA, Purchases.SQL_SERVER_2022_STANDARD, "HU");
        orderOfB = purchases.buy(agent, tenantB, Purchases.SQL_SERVER_2022_STANDARD, "HU");
        sqlOfA = purchases.softwareId(agent, tenantA, Purchases.SQL_SERVER_2022_STANDARD);
        adminOfA = purchases.customerAdmin("it.admin@conditional-a.example", tenantA);
        month = YearMonth.from(Instant.parse((String) send("GET", Shop.ordersOf(tenantA) + "/" + orderOfA, agent, null)
                .json().get("creationDate")).atOffset(ZoneOffset.UTC));
    }

    @AfterAll
    void deleteFiles() {
        purchases.deleteStore();
    }

    private List<String> revalidatedRoutes() {
        return List.of(purchases.softwareOf(tenantA), purchases.softwareOf(tenantA) + "/" + sqlOfA, "/v1/software",
                Shop.ordersOf(tenantA), Shop.ordersOf(tenantA) + "/" + orderOfA, "/v1/orders",
                "/v1/customers", "/v1/customers/" + tenantA);
    }

    @Test
    @Order(1)
    void everyRevalidatedRouteAnswersAWeakETagAndA304WithoutBodyForIt() {
        for (String path : revalidatedRoutes()) {
            assertRevalidates(path, agent);
        }
        // The customer's own admin revalidates its own software and orders too.
        assertRevalidates(purchases.softwareOf(tenantA), adminOfA);
        assertRevalidates(Shop.ordersOf(tenantA) + "/" + orderOfA, adminOfA);
    }

    @Test
    @Order(2)
    void anOrderACancellationAndANewCustomerChangeTheTags() {
        Map<String, String> before = new LinkedHashMap<>();
        for (String path : List.of(purchases.softwareOf(tenantA), "/v1/software", Shop.ordersOf(tenantA), "/v1/orders", "/v1/customers")) {
            before.put(path, etagOf(path, agent));
        }
        String second = purchases.buy(agent, tenantA, Purchases.WINDOWS_SERVER_2022_STANDARD, "HU");
        purchases.createCustomer(agent, "Conditional Tenant C Kft.", "HU");
        for (Map.Entry<String, String> tag : before.entrySet()) {
            assertChanged(tag.getKey(), tag.getValue());
        }

        String orderPath = Shop.ordersOf(tenantA) + "/" + second;
        String placed = etagOf(orderPath, agent);
        String software = etagOf(purchases.softwareOf(tenantA), agent);
        Answer cancelled = shop.cancel(agent, tenantA, second);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertChanged(orderPath, placed);
        assertChanged(purchases.softwareOf(tenantA), software);
    }

    @Test
    @Order(3)
    void aCallerWhoMayNotReadGetsItsRefusalNeverA304() {
        String ofB = etagOf(purchases.softwareOf(tenantB), agent);
        String orderB = etagOf(Shop.ordersOf(tenantB) + "/" + orderOfB, agent);
        // Another tenant's admin: 404 as before, with B's real tag or a wildcard.
        for (String ifNoneMatch : List.of(ofB, "*")) {
            Answer software = send("GET", purchases.softwareOf(tenantB), adminOfA, null, "If-None-Match", ifNoneMatch);
            assertThat(software.status()).as(software.toString()).isEqualTo(404);
            assertThat(software.header("ETag")).isNull();
        }
        for (String ifNoneMatch : List.of(orderB, "*")) {
            Answer order = send("GET", Shop.ordersOf(tenantB) + "/" + orderOfB, adminOfA, null, "If-None-Match", ifNoneMatch);
            assertThat(order.status()).as(order.toString()).isEqualTo(404);
            assertThat(order.header("ETag")).isNull();
            assertThat(send("GET", "/v1/customers/" + tenantB, adminOfA, null, "If-None-Match", ifNoneMatch).status()).isEqualTo(404);
        }
        // A role without the permission: 403; no token: 401.
        Answer refused = send("GET", purchases.softwareOf(tenantB), loginDemo("marketing.admin@partner.demo"), null,
                "If-None-Match", ofB);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(send("GET", "/v1/orders", adminOfA, null, "If-None-Match", "*").status()).isEqualTo(403);
        assertThat(send("GET", purchases.softwareOf(tenantB), null, null, "If-None-Match", ofB).status()).isEqualTo(401);
    }

    @Test
    @Order(4)
    void anInvoiceRunChangesTheInvoiceListAndItsInvoicesRevalidate() {
        String empty = etagOf("/v1/invoices", agent);
        shop.clockTo(agent, month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).plus(Duration.ofHours(1)));
        Map<String, Object> run = invoiceRunToItsEnd(accountAdmin, month);
        assertThat(run).containsEntry("status", "completed");

        assertChanged("/v1/invoices", empty);
        String invoice = "/v1/invoices/" + Shop.items(send("GET", "/v1/invoices", agent, null)).get(0).get("id");
        for (String path : List.of("/v1/invoices", invoice, invoice + "/lineitems")) {
            assertRevalidates(path, agent);
        }
        assertThat(send("GET", invoice, loginDemo("marketing.admin@partner.demo"), null, "If-None-Match", "*").status())
                .isEqualTo(403);
    }

    @Test
    @Order(5)
    void jsonProblemsAndCsvAreGzippedWhenAskedAndOnlyThen() throws IOException {
        Download plain = raw("/v1/products?country=HU", agent);
        assertThat(plain.status()).as(plain.text()).isEqualTo(200);
        assertThat(plain.body().length).as("the catalog is over the 1 KiB threshold").isGreaterThan(1024);
        assertThat(plain.header("Content-Encoding")).isNull();

        Download zipped = raw("/v1/products?country=HU", agent, "Accept-Encoding", "gzip");
        assertThat(zipped.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(zipped.body().length).isLessThan(plain.body().length);
        assertThat(json.readValue(gunzip(zipped.body()), Map.class)).isEqualTo(json.readValue(plain.body(), Map.class));

        // A revalidated route: the tag is the same whether or not the bytes went gzipped.
        Download software = raw("/v1/software", agent, "Accept-Encoding", "gzip");
        Download softwarePlain = raw("/v1/software", agent);
        assertThat(software.header("ETag")).isEqualTo(softwarePlain.header("ETag"));
        if (softwarePlain.body().length >= 1024) {
            assertThat(software.header("Content-Encoding")).isEqualTo("gzip");
            assertThat(new String(gunzip(software.body()), StandardCharsets.UTF_8)).isEqualTo(softwarePlain.text());
        }

        // problem+json over the threshold: a 404 whose instance is a long path.
        String longPath = "/v1/customers/" + "x".repeat(1200) + ".example";
        Download problem = raw(longPath, agent);
        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.header("Content-Type")).startsWith("application/problem+json");
        assertThat(problem.body().length).as(problem.text()).isGreaterThan(1024);
        Download zippedProblem = raw(longPath, agent, "Accept-Encoding", "gzip");
        assertThat(zippedProblem.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(json.readValue(gunzip(zippedProblem.body()), Map.class)).containsEntry("code", "customer_not_found");

        Download csv = raw("/v1/orders?format=csv", agent, "Accept-Encoding", "gzip");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(new String(gunzip(csv.body()), StandardCharsets.UTF_8)).contains(orderOfA, orderOfB);
        Download csvPlain = raw("/v1/orders?format=csv", agent);
        assertThat(csvPlain.header("Content-Encoding")).isNull();
        assertThat(csvPlain.text()).contains(orderOfA);
    }

    @Test
    @Order(6)
    void aDownloadIsNeverCompressed() {
        byte[] file = purchases.file(Purchases.SQL_SERVER_2022_STANDARD, "2019", "de-DE", "x64", "SQLServer2019-x64-DEU.iso", 64 * 1024);
        Answer link = send("POST", purchases.softwareOf(tenantA) + "/" + sqlOfA + "/downloadlinks", agent,
                Purchases.choice("2019", "de-DE", "x64"));
        assertThat(link.status()).as(link.toString()).isEqualTo(201);
        String uri = (String) link.json().get("uri");
        Download download = raw(URI.create(uri).getRawPath(), null, "Accept-Encoding", "gzip, deflate, br");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Type")).startsWith("application/octet-stream");
        assertThat(download.header("Content-Encoding")).isNull();
        assertThat(download.body()).isEqualTo(file);
    }

    /** 200 with a weak tag and private revalidation; the tag in If-None-Match: 304, no body, the same headers. */
    private void assertRevalidates(String path, String token) {
        Answer first = send("GET", path, token, null);
        assertThat(first.status()).as(path + " " + first).isEqualTo(200);
        String etag = first.header("ETag");
        assertThat(etag).as(path).matches("W/\"[0-9a-f]{32}\"");
        assertThat(first.header("Cache-Control")).as(path).isEqualTo("private, no-cache");
        assertThat(first.header("Vary")).as(path).contains("Authorization");

        Answer again = send("GET", path, token, null, "If-None-Match", etag);
        assertThat(again.status()).as(path + " " + again).isEqualTo(304);
        assertThat(again.body()).as(path).isEmpty();
        assertThat(again.header("ETag")).as(path).isEqualTo(etag);
        assertThat(again.header("Cache-Control")).as(path).isEqualTo("private, no-cache");

        Answer other = send("GET", path, token, null, "If-None-Match", "W/\"0123456789abcdef0123456789abcdef\"");
        assertThat(other.status()).as(path).isEqualTo(200);
        assertThat(other.body()).as(path).isEqualTo(first.body());
        assertThat(other.header("ETag")).as(path).isEqualTo(etag);
    }

    /** The old tag no longer matches: 200, the whole answer, a new tag. */
    private void assertChanged(String path, String old) {
        Answer now = send("GET", path, agent, null, "If-None-Match", old);
        assertThat(now.status()).as(path + " " + now).isEqualTo(200);
        assertThat(now.body()).as(path).isNotEmpty();
        assertThat(now.header("ETag")).as(path).isNotEqualTo(old).startsWith("W/\"");
    }

    private String etagOf(String path, String token) {
        Answer answer = send("GET", path, token, null);
        assertThat(answer.status()).as(path + " " + answer).isEqualTo(200);
        return answer.header("ETag");
    }

    private static byte[] gunzip(byte[] zipped) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped))) {
            return in.readAllBytes();
        }
    }

    /** An answer's raw bytes (not decoded), for the Content-Encoding checks. */
    private Download raw(String path, String token, String... headers) {
        List<String> all = new ArrayList<>(List.of(headers));
        if (token != null) {
            all.add("Authorization");
            all.add("Bearer " + token);
        }
        return purchases.fetch("GET", path, all.toArray(String[]::new));
    }
}
