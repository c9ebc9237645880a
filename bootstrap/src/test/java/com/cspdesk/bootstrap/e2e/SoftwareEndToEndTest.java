package com.cspdesk.bootstrap.e2e;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.cspdesk.adapters.persistence.testing.ThrowawayMariaDb;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * api.md "Software" and the spec's "Activate and manage software subscriptions": the software a
 * customer bought, its product keys, who may have them (admin agents, the customer's own admin)
 * and who may not (sales agents, global admins, another tenant's admin), and the choices that are
 * not offered. The last test reads every log line written while these tests ran (at DEBUG) and
 * finds none of the keys they received.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SoftwareEndToEndTest extends EndToEnd {

    private static final String KEY_PATTERN = "[BCDFGHJKMNPQRTVWXY2346789]{5}(-[BCDFGHJKMNPQRTVWXY2346789]{5}){4}";

    private final Purchases shop = new Purchases(this);
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Set<String> keysReceived = ConcurrentHashMap.newKeySet();
    private Logger root;
    private Level previousLevel;

    private String agent;
    private String tenantA;
    private String tenantB;
    private String sqlOfA;
    private String windowsOfA;
    private String sqlOfB;
    private String adminOfA;
    private String adminOfB;

    private String jdbcUrl;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = shop.withStore(super.getProperties());
        jdbcUrl = properties.get("datasources.default.url");
        return properties;
    }

    @BeforeAll
    void buySoftwareAndListen() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        previousLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        captured.start();
        root.addAppender(captured);

        agent = loginDemo("admin.agent@partner.demo");
        tenantA = shop.createCustomer(agent, "Software Tenant A Kft.", "HU");
        tenantB = shop.createCustomer(agent, "Software Tenant B Kft.", "HU");
        shop.buy(agent, tenantA, Purchases.SQL_SERVER_2022_STANDARD, "HU");
        shop.buy(agent, tenantA, Purchases.WINDOWS_SERVER_2022_STANDARD, "HU");
        shop.buy(agent, tenantB, Purchases.SQL_SERVER_2022_STANDARD, "HU");
        sqlOfA = shop.softwareId(agent, tenantA, Purchases.SQL_SERVER_2022_STANDARD);
        windowsOfA = shop.softwareId(agent, tenantA, Purchases.WINDOWS_SERVER_2022_STANDARD);
        sqlOfB = shop.softwareId(agent, tenantB, Purchases.SQL_SERVER_2022_STANDARD);
        adminOfA = shop.customerAdmin("it.admin@software-a.example", tenantA);
        adminOfB = shop.customerAdmin("it.admin@software-b.example", tenantB);
        shop.file(Purchases.SQL_SERVER_2022_STANDARD, "2019", "de-DE", "x64", "SQLServer2019-x64-DEU.iso", 4096);
    }

    @AfterAll
    void stopListening() {
        root.detachAppender(captured);
        root.setLevel(previousLevel);
        shop.deleteStore();
    }

    @Test
    void theSoftwareListShowsEachPurchaseWithItsChoices() {
        Answer list = send("GET", shop.softwareOf(tenantA), agent, null);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json().get("totalCount")).isEqualTo(2);

        Map<String, Object> sql = shop.item(list, Purchases.SQL_SERVER_2022_STANDARD);
        assertThat(sql).containsEntry("id", sqlOfA).containsEntry("skuId", "0001").containsEntry("lineItemNumber", 0)
                .containsEntry("contractType", "perpetual")
                .containsEntry("status", "active").containsEntry("keyAvailable", true)
                .containsEntry("versions", List.of("2022", "2019", "2017"))
                .containsEntry("languages", List.of("de-DE", "en-US", "fr-FR", "ja-JP"))
                .containsEntry("bitness", List.of("x64"))
                .containsKeys("orderId", "purchaseDate");
        assertThat((String) sql.get("productName")).startsWith("SQL Server 2022 Standard");
        String orderId = (String) sql.get("orderId");
        assertThat(send("GET", "/v1/customers/" + tenantA + "/orders/" + orderId, agent, null).status()).isEqualTo(200);

        Map<String, Object> windows = shop.item(list, Purchases.WINDOWS_SERVER_2022_STANDARD);
        assertThat(windows).containsEntry("id", windowsOfA).containsEntry("status", "active");
        List<Object> languages = List.copyOf((List<?>) windows.get("languages"));
        assertThat(languages).hasSize(8).contains("hu-HU", "tr-TR", "sv-SE", "pl-PL");

        for (String reader : List.of("sales.agent@partner.demo", "global.admin@partner.demo")) {
            Answer read = send("GET", shop.softwareOf(tenantA), loginDemo(reader), null);
            assertThat(read.status()).as(reader).isEqualTo(200);
            assertThat(read.json()).isEqualTo(list.json());
        }
        for (String stranger : List.of("account.admin@partner.demo", "referral.admin@partner.demo", "marketing.admin@partner.demo")) {
            assertThat(send("GET", shop.softwareOf(tenantA), loginDemo(stranger), null).status()).as(stranger).isEqualTo(403);
        }
        assertThat(send("GET", shop.softwareOf(tenantA), null, null).status()).isEqualTo(401);
    }

    @Test
    void oneSoftwareIsReadByItsAddressAsAWebhookPointsAtIt() {
        Answer list = send("GET", shop.softwareOf(tenantA), agent, null);
        Answer one = send("GET", shop.softwareOf(tenantA) + "/" + sqlOfA, agent, null);
        assertThat(one.status()).as(one.toString()).isEqualTo(200);
        assertThat(one.json()).isEqualTo(shop.item(list, Purchases.SQL_SERVER_2022_STANDARD));
        assertThat(send("GET", shop.softwareOf(tenantA) + "/" + sqlOfA, adminOfA, null).json()).isEqualTo(one.json());

        Answer unknown = send("GET", shop.softwareOf(tenantA) + "/" + UUID.randomUUID(), agent, null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problemCode()).isEqualTo("software_not_found");
        for (String path : List.of(shop.softwareOf(tenantB) + "/" + sqlOfB, shop.softwareOf(tenantA) + "/" + sqlOfB)) {
            Answer foreign = send("GET", path, adminOfA, null);
            assertThat(foreign.status()).as(path).isEqualTo(404);
            assertThat(foreign.body()).doesNotContain("Tenant B", "productName");
        }
        assertThat(send("GET", shop.softwareOf(tenantA) + "/" + sqlOfA, loginDemo("account.admin@partner.demo"), null).status())
                .isEqualTo(403);
        assertThat(send("GET", shop.softwareOf(tenantA) + "/" + sqlOfA, null, null).status()).isEqualTo(401);
    }

    @Test
    void aCustomersAdminSeesItsOwnSoftwareAndAnotherTenantsIs404() {
        Answer own = send("GET", shop.softwareOf(tenantA), adminOfA, null);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json()).isEqualTo(send("GET", shop.softwareOf(tenantA), agent, null).json());

        Answer foreignList = send("GET", shop.softwareOf(tenantB), adminOfA, null);
        assertThat(foreignList.status()).isEqualTo(404);
        assertThat(foreignList.problemCode()).isEqualTo("customer_not_found");
        assertThat(foreignList.body()).doesNotContain(sqlOfB, "Tenant B");

        Map<String, Object> choice = Purchases.choice("2019", "de-DE", "x64");
        for (String path : List.of(shop.softwareOf(tenantB) + "/" + sqlOfB, shop.softwareOf(tenantA) + "/" + sqlOfB)) {
            for (String action : List.of("/keys", "/downloadlinks")) {
                Answer refused = send("POST", path + action, adminOfA, choice);
                assertThat(refused.status()).as(path + action + " " + refused).isEqualTo(404);
                assertThat(refused.problemCode()).isEqualTo("software_not_found");
                assertThat(refused.body()).doesNotContain("productKey", "uri");
            }
        }

        // Its own software: the customer's admin gets the same key as the partner's agent.
        String byAgent = key(agent, tenantA, sqlOfA, "2019", "de-DE", "x64");
        String byCustomer = key(adminOfA, tenantA, sqlOfA, "2019", "de-DE", "x64");
        assertThat(byCustomer).isEqualTo(byAgent);
        Answer link = send("POST", shop.softwareOf(tenantA) + "/" + sqlOfA + "/downloadlinks", adminOfA, choice);
        assertThat(link.status()).as(link.toString()).isEqualTo(201);
        // Tenant B's admin sees B's key, which is not A's.
        assertThat(key(adminOfB, tenantB, sqlOfB, "2019", "de-DE", "x64")).isNotEqualTo(byAgent);
    }

    @Test
    void aKeyIsTheSameOnEveryRequestAndEachVersionHasItsOwn() {
        Answer first = send("POST", shop.softwareOf(tenantA) + "/" + sqlOfA + "/keys", agent, Purchases.choice("2019", "de-DE", "x64"));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.header("Cache-Control")).isEqualTo("no-store");
        assertThat(first.header("Content-Type")).startsWith("application/json");
        Map<String, Object> body = first.json();
        String key = (String) body.get("productKey");
        keysReceived.add(key);
        assertThat(key).matches(KEY_PATTERN);
        assertThat(body).containsEntry("version", "2019").containsEntry("language", "de-DE").containsEntry("bitness", "x64");

        assertThat(key(agent, tenantA, sqlOfA, "2019", "de-DE", "x64")).isEqualTo(key);
        // The key belongs to the version: another language or spelling of the same choice gives the same key.
        assertThat(key(agent, tenantA, sqlOfA, "2019", "en-us", "X64")).isEqualTo(key);
        String key2022 = key(agent, tenantA, sqlOfA, "2022", "de-DE", "x64");
        String key2017 = key(agent, tenantA, sqlOfA, "2017", "ja-JP", "x64");
        assertThat(Set.of(key, key2022, key2017)).hasSize(3);
        assertThat(key(agent, tenantA, windowsOfA, "2022", "hu-HU", "x64")).isNotIn(key, key2022, key2017);
        // The customer can be named by its domain as well.
        String domain = shop.domainOf(tenantA);
        assertThat(key(agent, domain, sqlOfA, "2022", "de-DE", "x64")).isEqualTo(key2022);
    }

    @Test
    void aChoiceThatIsNotOfferedIs400NamingTheField() {
        String keys = shop.softwareOf(tenantA) + "/" + sqlOfA + "/keys";
        assertRefused(send("POST", keys, agent, Purchases.choice("2016", "de-DE", "x64")), "version_not_entitled", "version");
        assertRefused(send("POST", keys, agent, Purchases.choice("2025", "de-DE", "x64")), "version_not_entitled", "version");
        assertRefused(send("POST", keys, agent, Purchases.choice("2019", "hu-HU", "x64")), "language_not_offered", "language");
        assertRefused(send("POST", keys, agent, Purchases.choice("2019", "klingon", "x64")), "language_not_offered", "language");
        assertRefused(send("POST", keys, agent, Purchases.choice("2019", "de-DE", "x86")), "bitness_not_offered", "bitness");
        assertRefused(send("POST", keys, agent, Purchases.choice("2019", "de-DE", "128bit")), "bitness_not_offered", "bitness");
        String links = shop.softwareOf(tenantA) + "/" + sqlOfA + "/downloadlinks";
        assertRefused(send("POST", links, agent, Purchases.choice("2019", "hu-HU", "x64")), "language_not_offered", "language");

        Answer german = send("POST", keys, agent, Purchases.choice("2019", "hu-HU", "x64"), "Accept-Language", "de");
        assertThat((String) german.json().get("title")).isEqualTo("Sprache nicht angeboten");
        Answer hungarian = send("POST", keys, agent, Purchases.choice("2016", "de-DE", "x64"), "Accept-Language", "hu");
        assertThat((String) hungarian.json().get("title")).isEqualTo("A verzió nem része a vásárlásnak");

        Map<String, Object> missing = new LinkedHashMap<>();
        missing.put("language", "de-DE");
        missing.put("bitness", "x64");
        Answer incomplete = send("POST", keys, agent, missing);
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.problemCode()).isEqualTo("validation_failed");
        assertThat(incomplete.json().get("errors").toString()).contains("field=version,");
        assertThat(send("POST", keys, agent, "{not json").status()).isEqualTo(400);
    }

    @Test
    void salesAgentsGlobalAdminsAndOtherRolesGetNoKeysOrLinks() {
        Map<String, Object> choice = Purchases.choice("2019", "de-DE", "x64");
        for (String role : List.of("sales.agent@partner.demo", "global.admin@partner.demo", "account.admin@partner.demo",
                "referral.admin@partner.demo", "marketing.admin@partner.demo")) {
            String token = loginDemo(role);
            for (String action : List.of("/keys", "/downloadlinks")) {
                Answer refused = send("POST", shop.softwareOf(tenantA) + "/" + sqlOfA + action, token, choice);
                assertThat(refused.status()).as(role + action).isEqualTo(403);
                assertThat(refused.problemCode()).isEqualTo("forbidden");
                assertThat(refused.body()).doesNotContain("productKey");
            }
        }
        assertThat(send("POST", shop.softwareOf(tenantA) + "/" + sqlOfA + "/keys", null, choice).status()).isEqualTo(401);
    }

    @Test
    void unknownSoftwareOrCustomerIs404() {
        Map<String, Object> choice = Purchases.choice("2019", "de-DE", "x64");
        Answer software = send("POST", shop.softwareOf(tenantA) + "/" + UUID.randomUUID() + "/keys", agent, choice);
        assertThat(software.status()).isEqualTo(404);
        assertThat(software.problemCode()).isEqualTo("software_not_found");
        String stranger = UUID.randomUUID().toString();
        assertThat(send("GET", shop.softwareOf(stranger), agent, null).problemCode()).isEqualTo("customer_not_found");
        assertThat(send("POST", shop.softwareOf(stranger) + "/" + sqlOfA + "/keys", agent, choice).problemCode())
                .isEqualTo("software_not_found");
        assertThat(send("GET", shop.softwareOf("no-such-customer.example"), agent, null).status()).isEqualTo(404);
    }

    @Test
    void aDownloadLinkIsIdempotentByRequestIdAndNeedsTheFile() {
        String links = shop.softwareOf(tenantA) + "/" + sqlOfA + "/downloadlinks";
        Map<String, Object> choice = Purchases.choice("2019", "de-DE", "x64");
        Answer first = send("POST", links, agent, choice, "MS-RequestId", "link-retry-1");
        Answer retry = send("POST", links, agent, choice, "MS-RequestId", "link-retry-1");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Cache-Control")).isEqualTo("no-store");
        assertThat(retry.header("Cache-Control")).isEqualTo("no-store");
        assertThat(first.header("Location")).isEqualTo(first.json().get("uri"));

        Answer fresh = send("POST", links, agent, choice, "MS-RequestId", "link-retry-2");
        assertThat(fresh.json().get("uri")).as("a new link can be made at any time").isNotEqualTo(first.json().get("uri"));
        Answer reused = send("POST", links, agent, Purchases.choice("2022", "de-DE", "x64"), "MS-RequestId", "link-retry-1");
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.problemCode()).isEqualTo("idempotency_key_reused");

        Answer noFile = send("POST", links, agent, Purchases.choice("2017", "fr-FR", "x64"));
        assertThat(noFile.status()).isEqualTo(404);
        assertThat(noFile.problemCode()).isEqualTo("software_file_unavailable");
        // Without bits, the key is still there.
        assertThat(key(agent, tenantA, sqlOfA, "2017", "fr-FR", "x64")).matches(KEY_PATTERN);
    }

    /** A link is a credential: its kept first answer is sealed, so no row holds its URI or token, yet it replays. */
    @Test
    void aKeptDownloadLinkIsSealedAtRestAndStillReplays() throws Exception {
        String links = shop.softwareOf(tenantA) + "/" + sqlOfA + "/downloadlinks";
        Map<String, Object> choice = Purchases.choice("2019", "de-DE", "x64");
        Answer first = send("POST", links, agent, choice, "MS-RequestId", "link-sealed-1");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        String uri = (String) first.json().get("uri");
        String token = uri.substring(uri.lastIndexOf('/') + 1);

        List<String> cells = new java.util.ArrayList<>();
        try (java.sql.Connection connection = ThrowawayMariaDb.shared().connect(jdbcUrl);
             java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery("SELECT * FROM idempotency_record")) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int column = 1; column <= columns; column++) {
                    cells.add(String.valueOf(rows.getString(column)));
                }
            }
        }
        assertThat(cells).as("the link's request is kept").contains("link-sealed-1");
        assertThat(cells).allSatisfy(cell -> assertThat(cell).doesNotContain(token).doesNotContain(uri));

        Answer retry = send("POST", links, agent, choice, "MS-RequestId", "link-sealed-1");
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().get("uri")).isEqualTo(uri);
        assertThat(retry.header("Location")).isEqualTo(uri);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void noProductKeyReachesALogLine() {
        assertThat(keysReceived).hasSizeGreaterThanOrEqualTo(5);
        assertThat(captured.list).isNotEmpty();
        Purchases.assertNoKeyLogged(captured, keysReceived);
    }

    private String key(String token, String customer, String software, String version, String language, String bitness) {
        Answer answer = send("POST", shop.softwareOf(customer) + "/" + software + "/keys", token,
                Purchases.choice(version, language, bitness));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        String key = (String) answer.json().get("productKey");
        keysReceived.add(key);
        return key;
    }

    private static void assertRefused(Answer answer, String code, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.problemCode()).isEqualTo(code);
        assertThat(answer.json().get("errors").toString()).contains("field=" + field + ",");
        assertThat(answer.body()).doesNotContain("productKey");
    }

    /**
     * What the software tests share: customers, purchases (offer ids from the catalog API), a
     * software store in a temporary folder with files of random bytes, downloads as bytes, and
     * the check that no product key was logged.
     */
    static final class Purchases {

        static final String SQL_SERVER_2022_STANDARD = "DG7GMGF0MGVZ";
        static final String WINDOWS_SERVER_2022_STANDARD = "DG7GMGF0BHXC";
        private static final AtomicInteger DOMAINS = new AtomicInteger();
        private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        private final EndToEnd test;
        private final Path store;
        private final Map<String, String> domains = new ConcurrentHashMap<>();

        Purchases(EndToEnd test) {
            this.test = test;
            try {
                this.store = Files.createTempDirectory("cspdesk-software-store-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Map<String, String> withStore(Map<String, String> properties) {
            Map<String, String> all = new LinkedHashMap<>(properties);
            all.put("cspdesk.software-store.path", store.toString());
            return all;
        }

        Path store() {
            return store;
        }

        String createCustomer(String agent, String name, String country) {
            String domain = "software-" + DOMAINS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
            EndToEnd.Answer created = test.send("POST", "/v1/customers", agent, Map.of(
                    "companyProfile", Map.of("companyName", name, "domain", domain), "billingProfile", Map.of("country", country)));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String tenant = (String) created.json().get("id");
            domains.put(tenant, domain);
            return tenant;
        }

        String domainOf(String tenant) {
            return domains.get(tenant);
        }

        String customerAdmin(String username, String tenantId) {
            String password = "Tenant-Admin-Passw0rd!";
            EndToEnd.Answer created = test.send("POST", "/v1/users", test.login(ADMIN, ADMIN_PASSWORD), Map.of("username", username,
                    "password", password, "roles", List.of("CUSTOMER_GLOBAL_ADMIN"), "customerTenantId", tenantId));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            return test.login(username, password);
        }

        /** Buys one of the product's first SKU in the customer's country; returns the order id. */
        String buy(String agent, String tenant, String productId, String country) {
            Map<String, Object> sku = items(test.send("GET", "/v1/products/" + productId + "/skus?country=" + country, agent, null)).get(0);
            Map<String, Object> availability = items(test.send("GET", "/v1/products/" + productId + "/skus/" + sku.get("id")
                    + "/availabilities?country=" + country, agent, null)).get(0);
            String billingCycle = (String) ((List<?>) sku.get("supportedBillingCycles")).get(0);
            EndToEnd.Answer order = test.send("POST", "/v1/customers/" + tenant + "/orders", agent, Map.of("billingCycle", billingCycle,
                    "lineItems", List.of(Map.of("lineItemNumber", 0, "offerId", availability.get("catalogItemId"), "quantity", 1))));
            assertThat(order.status()).as(order.toString()).isEqualTo(201);
            return (String) order.json().get("id");
        }

        /** A new customer in Hungary that bought SQL Server 2022 Standard: the path its download links are made at. */
        String sqlServerLinksOfANewCustomer(String agent, String companyName) {
            String tenant = createCustomer(agent, companyName, "HU");
            buy(agent, tenant, SQL_SERVER_2022_STANDARD, "HU");
            return softwareOf(tenant) + "/" + softwareId(agent, tenant, SQL_SERVER_2022_STANDARD) + "/downloadlinks";
        }

        String softwareId(String token, String tenant, String productId) {
            return (String) item(test.send("GET", softwareOf(tenant), token, null), productId).get("id");
        }

        Map<String, Object> item(EndToEnd.Answer list, String productId) {
            return items(list).stream().filter(i -> productId.equals(i.get("productId"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + productId + " in " + list));
        }

        String softwareOf(String customer) {
            return "/v1/customers/" + customer + "/software";
        }

        /** A file of random bytes in the store for that choice; returns its bytes. */
        byte[] file(String productId, String version, String language, String bitness, String name, int size) {
            byte[] bytes = new byte[size];
            new Random(size * 31L + name.hashCode()).nextBytes(bytes);
            try {
                Path folder = store.resolve(productId).resolve(version).resolve(language).resolve(bitness);
                Files.createDirectories(folder);
                Files.write(folder.resolve(name), bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes;
        }

        /** A sparse file (zeros, no disk blocks) of that many bytes; returns its path. */
        Path sparseFile(String productId, String version, String language, String bitness, String name, long size) {
            try {
                Path folder = store.resolve(productId).resolve(version).resolve(language).resolve(bitness);
                Files.createDirectories(folder);
                Path file = folder.resolve(name);
                try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(file.toFile(), "rw")) {
                    raf.setLength(size);
                }
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void deleteStore() {
            try {
                Files.walkFileTree(store, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                        Files.delete(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                        Files.delete(dir);
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static Map<String, Object> choice(String version, String language, String bitness) {
            Map<String, Object> choice = new LinkedHashMap<>();
            choice.put("version", version);
            choice.put("language", language);
            choice.put("bitness", bitness);
            return choice;
        }

        /** An answer with its body as bytes, for downloads. */
        record Download(int status, byte[] body, Map<String, List<String>> headers) {
            String header(String name) {
                return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                        .findFirst().map(e -> e.getValue().get(0)).orElse(null);
            }

            String text() {
                return new String(body, java.nio.charset.StandardCharsets.UTF_8);
            }

            @Override
            public String toString() {
                return status + " " + headers + (body.length < 2000 ? " " + text() : " (" + body.length + " bytes)");
            }
        }

        /** {@code GET} or {@code HEAD} of an absolute URI (or a path on this server), no credentials. */
        Download fetch(String method, String uri, String... headers) {
            try {
                URI target = URI.create(uri.startsWith("/") ? test.server.getURL() + uri : uri);
                HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60))
                        .method(method, HttpRequest.BodyPublishers.noBody());
                for (int i = 0; i < headers.length; i += 2) {
                    request.header(headers[i], headers[i + 1]);
                }
                HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                return new Download(response.statusCode(), response.body(), response.headers().map());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        static String sha256(byte[] bytes) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** No captured log line holds any of the keys, with or without its dashes. */
        static void assertNoKeyLogged(ListAppender<ILoggingEvent> captured, Set<String> keys) {
            StringBuilder everything = new StringBuilder();
            for (ILoggingEvent event : List.copyOf(captured.list)) {
                everything.append(event.getFormattedMessage()).append('\n');
                if (event.getThrowableProxy() != null) {
                    everything.append(event.getThrowableProxy().getMessage()).append('\n');
                }
                event.getMDCPropertyMap().values().forEach(value -> everything.append(value).append('\n'));
            }
            String text = everything.toString();
            for (String key : keys) {
                assertThat(text).as("a product key in the logs").doesNotContain(key).doesNotContain(key.replace("-", ""));
            }
        }

        @SuppressWarnings("unchecked")
        static List<Map<String, Object>> items(EndToEnd.Answer answer) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            return (List<Map<String, Object>>) answer.json().get("items");
        }
    }
}
