package com.cspdesk.bootstrap.e2e;

import com.cspdesk.application.webhooks.port.out.EventOutbox;
import com.cspdesk.bootstrap.Application;
import com.cspdesk.bootstrap.e2e.CancellationEndToEndTest.Shop;
import com.cspdesk.bootstrap.e2e.SoftwareEndToEndTest.Purchases;
import com.cspdesk.domain.webhooks.WebhookEvent;
import jakarta.inject.Inject;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.flyway.FlywayConfigurationProperties;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product on the memory adapter ({@code CSPDESK_PERSISTENCE=memory}: the {@code memory}
 * environment), sandbox on, no database anywhere: the whole flow a new user tries — sign in as a
 * demo user, buy, get the key, download, cancel, invoice the month — and then nothing on disk.
 */
@MicronautTest(transactional = false, environments = Application.MEMORY)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MemoryEndToEndTest extends EndToEnd {

    /** Where the product writes when it keeps data on disk: on memory this must stay empty. */
    private final Path disk;
    private final Purchases purchases = new Purchases(this);
    private final Shop shop = new Shop(this);

    @Inject
    EventOutbox outbox;
    private WebhookReceiver receiver;

    MemoryEndToEndTest() throws IOException {
        disk = Files.createTempDirectory("cspdesk-memory-e2e-");
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(settings());
        // The JDBC default (an H2 file) and the software folder, both pointed into the watched folder.
        properties.put("datasources.default.url", "jdbc:h2:file:" + disk.resolve("db").resolve("cspdesk")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE");
        properties.put("cspdesk.software-store.path", disk.resolve("software").toString());
        // The sandbox's demo software files, as a new user gets them (in memory here).
        properties.put("cspdesk.demo.software-files", "true");
        // Only the run this test starts.
        properties.put("cspdesk.invoicing.schedule.enabled", "false");
        properties.put("cspdesk.webhooks.allowed-hosts", "127.0.0.1");
        return properties;
    }

    @BeforeAll
    void receiveEveryEvent() throws IOException {
        receiver = WebhookReceiver.receivingEverything(this, loginDemo("admin.agent@partner.demo"));
    }

    @AfterAll
    void deleteFolders() throws IOException {
        receiver.close();
        purchases.deleteStore();
        try (Stream<Path> left = Files.walk(disk)) {
            left.sorted((a, b) -> b.compareTo(a)).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Test
    @Order(1)
    void buyKeyDownloadCancelAndInvoiceWithTheDemoData() {
        String agent = loginDemo("admin.agent@partner.demo");
        List<Map<String, Object>> customers = Shop.items(send("GET", "/v1/customers?size=50", agent, null));
        assertThat(customers).extracting(c -> Shop.map(c.get("companyProfile")).get("companyName"))
                .as("the demo customers").contains("Contoso GmbH", "Fabrikam Kft.");

        String tenant = purchases.createCustomer(agent, "Memória Kft.", "HU");
        String orderId = purchases.buy(agent, tenant, Purchases.SQL_SERVER_2022_STANDARD, "HU");
        Map<String, Object> order = send("GET", Shop.ordersOf(tenant) + "/" + orderId, agent, null).json();
        String software = purchases.softwareId(agent, tenant, Purchases.SQL_SERVER_2022_STANDARD);
        String keys = purchases.softwareOf(tenant) + "/" + software + "/keys";
        Map<String, Object> choice = Purchases.choice("2022", "en-US", "x64");

        Answer key = send("POST", keys, agent, choice);
        assertThat(key.status()).as(key.toString()).isEqualTo(200);
        assertThat((String) key.json().get("productKey")).matches("([BCDFGHJKMPQRTVWXY2346789]{5}-){4}[BCDFGHJKMPQRTVWXY2346789]{5}");
        assertThat(send("POST", keys, agent, choice).json().get("productKey")).as("the same key again")
                .isEqualTo(key.json().get("productKey"));

        Answer link = send("POST", purchases.softwareOf(tenant) + "/" + software + "/downloadlinks", agent, choice);
        assertThat(link.status()).as(link.toString()).isEqualTo(201);
        Purchases.Download download = purchases.fetch("GET", (String) link.json().get("uri"));
        assertThat(download.status()).as(download.toString()).isEqualTo(200);
        assertThat(download.body()).hasSize(((Number) link.json().get("sizeBytes")).intValue());
        assertThat(Purchases.sha256(download.body())).isEqualTo(link.json().get("sha256"));
        assertThat(new String(download.body(), 0, 60, StandardCharsets.US_ASCII))
                .startsWith("CSP Software Desk demo image: SQL Server 2022 en-US x64");

        Answer cancelled = shop.cancel(agent, tenant, orderId);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(shop.cancel(agent, tenant, orderId).problemCode()).isEqualTo("already_cancelled");
        assertThat(send("POST", keys, agent, choice).problemCode()).isEqualTo("software_revoked");
        assertThat(purchases.fetch("GET", (String) link.json().get("uri")).status()).isEqualTo(410);

        YearMonth month = YearMonth.from(Instant.parse((String) order.get("creationDate")).atOffset(ZoneOffset.UTC));
        shop.clockTo(agent, month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).plus(Duration.ofHours(1)));
        Map<String, Object> run = runToTheEnd(loginDemo("account.admin@partner.demo"), month);
        assertThat(run).containsEntry("status", "completed");
        String invoice = "/v1/invoices/INV-" + month + "-" + order.get("currencyCode");
        Answer invoiced = send("GET", invoice, agent, null);
        assertThat(invoiced.status()).as(invoiced.toString()).isEqualTo(200);
        assertThat(invoiced.json()).containsEntry("lineCount", 2).containsEntry("charges", order.get("totals"));
        assertThat(Shop.items(send("GET", invoice + "/lineitems", agent, null)))
                .extracting(l -> l.get("kind") + " " + l.get("orderId")).containsExactly("charge " + orderId, "credit " + orderId);
        assertThat(runToTheEnd(loginDemo("account.admin@partner.demo"), month)).as("a re-run changes nothing")
                .containsEntry("invoicesCreated", 0);
        assertThat(send("GET", invoice, agent, null).json()).isEqualTo(invoiced.json());

        // Issue #15: the memory store's outbox got each change's webhook event, a resource's in commit order.
        assertThat(outbox.ofOrderingKey(Shop.ordersOf(tenant) + "/" + orderId)).extracting(e -> e.change().event())
                .containsExactly(WebhookEvent.ORDER_CREATED, WebhookEvent.ORDER_UPDATED, WebhookEvent.CREDIT_ISSUED);
        assertThat(outbox.ofOrderingKey(purchases.softwareOf(tenant) + "/" + software)).extracting(e -> e.change().event())
                .contains(WebhookEvent.SOFTWARE_KEY_ACCESSED, WebhookEvent.SOFTWARE_DOWNLOAD_LINK_CREATED);
        assertThat(outbox.ofOrderingKey("/v1/customers/" + tenant)).extracting(e -> e.change().event())
                .containsExactly(WebhookEvent.CUSTOMER_CREATED);
        assertThat(outbox.ofOrderingKey("/v1/invoices/runs/" + run.get("id"))).extracting(e -> e.change().event())
                .containsExactly(WebhookEvent.INVOICE_READY);
    }

    @Test
    @Order(1)
    void signingOutEverywhereEndsTheTokensOnMemoryToo() {
        String token = loginDemo("sales.agent@partner.demo");
        assertThat(send("GET", "/v1/customers", token, null).status()).isEqualTo(200);

        assertThat(send("POST", "/v1/me/signout-everywhere", token, null).status()).isEqualTo(204);

        assertThat(send("GET", "/v1/customers", token, null).status()).isEqualTo(401);
        assertThat(send("GET", "/v1/customers", loginDemo("sales.agent@partner.demo"), null).status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void noDatabaseWasOpenedAndNothingWasWrittenToDisk() throws IOException {
        assertThat(server.getApplicationContext().getBeansOfType(DataSource.class)).isEmpty();
        assertThat(server.getApplicationContext().findBean(JdbcOperations.class)).isEmpty();
        assertThat(server.getApplicationContext().getBeansOfType(FlywayConfigurationProperties.class)).as("no Flyway").isEmpty();
        try (Stream<Path> written = Files.walk(disk)) {
            assertThat(written.filter(path -> !path.equals(disk)).toList()).isEmpty();
        }
    }

    /** Starts a run for the month and waits until it is no longer running. */
    private Map<String, Object> runToTheEnd(String token, YearMonth month) {
        Answer started = send("POST", "/v1/invoices/runs", token, Map.of("month", month.toString()),
                "MS-RequestId", "run-" + UUID.randomUUID());
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String id = (String) started.json().get("id");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Map<String, Object> run = send("GET", "/v1/invoices/runs/" + id, token, null).json();
            if (!"running".equals(run.get("status"))) {
                return run;
            }
            assertThat(System.nanoTime()).as("the run ends within a minute").isLessThan(deadline);
            pause();
        }
    }

    /** Between two looks at a run in the background: waits for its end, asserts nothing about time. */
    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
