package com.cspdesk.bootstrap.e2e;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.cspdesk.adapters.persistence.testing.ThrowawayMariaDb;
import com.cspdesk.adapters.web.ui.shared.SessionCookie;
import com.cspdesk.bootstrap.e2e.SoftwareEndToEndTest.Purchases;
import com.cspdesk.domain.activity.PartnerCenterAuditValues;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spec's "View activity for software key access and software downloads" and api.md
 * "Activity log": who bought, got a key, made a link and downloaded, each once and by the right
 * user; the CSV export; the four roles that may read it; the 90-day limit; and the chain check,
 * which finds the one record changed behind the application's back. No product key reaches the
 * log lines or the activity log.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ActivityLogEndToEndTest extends EndToEnd {

    private static final String AGENT = "admin.agent@partner.demo";

    private final Purchases shop = new Purchases(this);
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Logger root;
    private Level previousLevel;
    private String jdbcUrl;

    private String globalAdmin;
    private String tenant;
    private String companyName;
    private String orderId;
    private String softwareId;
    private String productKey;
    /** The id part of the link's token: with the token secret it rebuilds the link, so no reader of the log may see it. */
    private String linkId;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = shop.withStore(super.getProperties());
        jdbcUrl = properties.get("datasources.default.url");
        return properties;
    }

    @BeforeAll
    void buyGetAKeyMakeALinkAndDownload() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        previousLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        captured.start();
        root.addAppender(captured);

        String agent = loginDemo(AGENT);
        globalAdmin = loginDemo("global.admin@partner.demo");
        // A name a spreadsheet would take for a formula: the CSV export must keep it text.
        companyName = "=HYPERLINK(\"http://evil.example\") Audit Kft.";
        tenant = shop.createCustomer(agent, companyName, "HU");
        orderId = shop.buy(agent, tenant, Purchases.SQL_SERVER_2022_STANDARD, "HU");
        softwareId = shop.softwareId(agent, tenant, Purchases.SQL_SERVER_2022_STANDARD);
        byte[] bits = shop.file(Purchases.SQL_SERVER_2022_STANDARD, "2019", "de-DE", "x64", "SQLServer2019-x64-DEU.iso", 10_000);

        Answer key = send("POST", shop.softwareOf(tenant) + "/" + softwareId + "/keys", agent, Purchases.choice("2019", "de-DE", "x64"));
        assertThat(key.status()).as(key.toString()).isEqualTo(200);
        productKey = (String) key.json().get("productKey");
        Answer link = send("POST", shop.softwareOf(tenant) + "/" + softwareId + "/downloadlinks", agent,
                Purchases.choice("2019", "de-DE", "x64"));
        assertThat(link.status()).as(link.toString()).isEqualTo(201);
        String uri = (String) link.json().get("uri");
        linkId = uri.substring(uri.lastIndexOf('/') + 1).split("\\.")[0];
        assertThat(linkId).hasSizeGreaterThanOrEqualTo(16);
        assertThat(shop.fetch("GET", uri).body()).isEqualTo(bits);
        Purchases.Download resumed = shop.fetch("GET", uri, "Range", "bytes=100-");
        assertThat(resumed.status()).isEqualTo(206);
        assertThat(shop.fetch("HEAD", uri).status()).isEqualTo(200);
    }

    @AfterAll
    void stopListening() {
        root.detachAppender(captured);
        root.setLevel(previousLevel);
        shop.deleteStore();
    }

    @Test
    @Order(1)
    void theLogShowsTheCustomerAddedThePurchaseTheKeyTheLinkTheDownloadAndTheRangeByTheAgent() {
        Answer answer = send("GET", "/v1/auditrecords?filter=" + filter("CustomerId", tenant, "equals"), globalAdmin, null);
        List<Map<String, Object>> records = Purchases.items(answer);
        assertThat(answer.json().get("totalCount")).isEqualTo(6);
        assertThat(records).extracting(r -> r.get("operationKind")).containsExactlyInAnyOrder("add_customer", "create_order", "get_software_key",
                "get_software_download_link", "download_software", "download_software");
        // #14: Partner Center's names; a download is none of PC's operations, but its link is PC's resource.
        assertThat(records).extracting(r -> r.get("operationType")).containsExactlyInAnyOrder("add_customer", "create_order",
                "get_software_key", "get_software_download_link", "undefined", "undefined");
        // #13: every served range is in the log, with its bytes; the whole download too.
        assertThat(records.stream().filter(r -> "download_software".equals(r.get("operationKind")))
                .map(r -> r.get("customizedData").toString()))
                .anySatisfy(data -> assertThat(data).contains("{key=range, value=100-9999/10000}", "{key=bytes, value=9900}"))
                .anySatisfy(data -> assertThat(data).contains("{key=bytes, value=10000}").doesNotContain("key=range"));
        // #13: a global admin may not make links, so sees no link id (which with the secret rebuilt the link).
        assertThat(answer.body()).doesNotContain(linkId, "linkId");
        List<Instant> dates = records.stream().map(r -> Instant.parse((String) r.get("operationDate"))).toList();
        assertThat(dates).as("newest first").isSortedAccordingTo((a, b) -> b.compareTo(a));
        for (Map<String, Object> record : records) {
            assertThat(record).containsEntry("userPrincipalName", AGENT).containsEntry("customerId", tenant)
                    .containsEntry("customerName", companyName).containsEntry("operationStatus", "succeeded")
                    .containsKeys("id", "applicationId", "resourceType", "resourceKind", "resourceId", "customizedData");
        }
        Map<String, Object> key = record(records, "get_software_key");
        assertThat(key).containsEntry("resourceType", "software_key").containsEntry("resourceId", softwareId);
        assertThat(key.get("customizedData").toString()).contains("{key=version, value=2019}", "{key=language, value=de-DE}",
                "{key=bitness, value=x64}", "{key=orderId, value=" + orderId + "}");
        assertThat(record(records, "get_software_download_link")).containsEntry("resourceType", "software_download_link");
        assertThat(record(records, "download_software")).containsEntry("operationType", "undefined")
                .containsEntry("resourceType", "software_download_link").containsEntry("resourceKind", "software_download");
        assertThat(record(records, "download_software").get("customizedData").toString()).contains("SQLServer2019-x64-DEU.iso");
        assertThat(answer.body()).doesNotContain(productKey, productKey.replace("-", ""));

        Answer keysOnly = send("GET", "/v1/auditrecords?filter=" + filter("OperationType", "get_software_key", "equals"), globalAdmin, null);
        assertThat(Purchases.items(keysOnly)).extracting(r -> r.get("operationType")).containsOnly("get_software_key");
        Answer byName = send("GET", "/v1/auditrecords?filter=" + filter("CompanyName", "audit kft", "substring"), globalAdmin, null);
        assertThat(byName.json().get("totalCount")).isEqualTo(6);
        Answer software = send("GET", "/v1/auditrecords?filter=" + filter("ResourceType", "software_key", "equals")
                + "&startDate=" + today(), globalAdmin, null);
        assertThat(Purchases.items(software)).hasSize(1);
    }

    @Test
    @Order(2)
    void theLogIsPagedByContinuationToken() {
        String first = "/v1/auditrecords?size=3&filter=" + filter("CustomerId", tenant, "equals");
        Answer page = send("GET", first, globalAdmin, null);
        assertThat(Purchases.items(page)).hasSize(3);
        assertThat(page.json().get("totalCount")).isEqualTo(6);
        String next = "/v1/" + ((Map<?, ?>) ((Map<?, ?>) page.json().get("links")).get("next")).get("uri");
        Answer rest = send("GET", next, globalAdmin, null);
        assertThat(Purchases.items(rest)).hasSize(3);
        assertThat((Map<?, ?>) rest.json().getOrDefault("links", Map.of())).as("no next page").isEmpty();
        Set<Object> ids = new HashSet<>();
        Purchases.items(page).forEach(r -> ids.add(r.get("id")));
        Purchases.items(rest).forEach(r -> ids.add(r.get("id")));
        assertThat(ids).hasSize(6);
        Answer forged = send("GET", "/v1/auditrecords?continuationToken=forged", globalAdmin, null);
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.problemCode()).isEqualTo("continuation_token_invalid");
    }

    @Test
    @Order(3)
    void theLogExportsAsCsvWithFormulasDefused() throws IOException {
        Answer csv = send("GET", "/v1/auditrecords?format=csv&filter=" + filter("CustomerId", tenant, "equals"), globalAdmin, null);
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).isEqualToIgnoringCase("text/csv; charset=UTF-8");
        String today = today().toString();
        String monthAgo = today().minusDays(30).toString();
        assertThat(csv.header("Content-Disposition")).isIn("attachment; filename=\"activity-log-" + monthAgo + "-" + today + ".csv\"",
                "attachment; filename=\"activity-log-" + LocalDate.parse(monthAgo).minusDays(1) + "-" + LocalDate.parse(today).minusDays(1) + ".csv\"");
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(csv.body())).getRecords();
        assertThat(rows).hasSize(7);
        assertThat(rows.get(0).toList()).containsExactly("id", "operationDate", "operationType", "operationKind", "operationStatus",
                "userPrincipalName", "applicationId", "customerId", "customerName", "resourceType", "resourceKind", "resourceId",
                "customizedData");
        // Our kind beside Partner Center's type.
        assertThat(rows.subList(1, 7)).extracting(r -> r.get(3)).containsExactly("add_customer", "create_order",
                "get_software_key", "get_software_download_link", "download_software", "download_software");
        assertThat(rows.subList(1, 7)).extracting(r -> r.get(2)).containsExactly("add_customer", "create_order",
                "get_software_key", "get_software_download_link", "undefined", "undefined");
        assertThat(csv.body()).doesNotContain(linkId, "linkId");
        for (CSVRecord row : rows.subList(1, 7)) {
            assertThat(row.get(5)).isEqualTo(AGENT);
            assertThat(row.get(8)).isEqualTo("'" + companyName);
        }
        assertThat(csv.body()).doesNotContain(productKey);

        Answer byAccept = send("GET", "/v1/auditrecords?filter=" + filter("CustomerId", tenant, "equals"), globalAdmin, null,
                "Accept", "text/csv");
        assertThat(byAccept.status()).isEqualTo(200);
        assertThat(byAccept.header("Content-Type")).startsWithIgnoringCase("text/csv");
        assertThat(byAccept.body()).isEqualTo(csv.body());

        LocalDate twoDaysAgo = today().minusDays(2);
        Answer ranged = send("GET", "/v1/auditrecords?format=csv&startDate=" + twoDaysAgo
                + "&endDate=" + productNow().plusSeconds(60), loginDemo("account.admin@partner.demo"), null);
        assertThat(ranged.status()).isEqualTo(200);
        assertThat(ranged.header("Content-Disposition")).startsWith("attachment; filename=\"activity-log-" + twoDaysAgo + "-");

        Answer refused = send("GET", "/v1/auditrecords?format=csv&startDate=" + productNow().minus(Duration.ofDays(91)), globalAdmin, null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problemCode()).isEqualTo("start_date_too_old");
    }

    @Test
    @Order(4)
    void onlyTheFourAdminRolesReadTheLog() {
        for (String reader : List.of("global.admin@partner.demo", "account.admin@partner.demo", "referral.admin@partner.demo",
                "marketing.admin@partner.demo")) {
            Answer answer = send("GET", "/v1/auditrecords?filter=" + filter("CustomerId", tenant, "equals"), loginDemo(reader), null);
            assertThat(answer.status()).as(reader).isEqualTo(200);
            assertThat(answer.json().get("totalCount")).isEqualTo(6);
            assertThat(answer.body()).as(reader + " may not make links").doesNotContain(linkId);
        }
        String customerAdmin = shop.customerAdmin("it.admin@audit.example", tenant);
        for (String token : List.of(loginDemo(AGENT), loginDemo("sales.agent@partner.demo"), customerAdmin,
                loginDemo("customer.admin@contoso.demo"))) {
            Answer refused = send("GET", "/v1/auditrecords", token, null);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.problemCode()).isEqualTo("forbidden");
            assertThat(send("GET", "/v1/auditrecords?format=csv", token, null).status()).isEqualTo(403);
            assertThat(send("GET", "/v1/auditrecords/verification", token, null).status()).isEqualTo(403);
        }
        assertThat(send("GET", "/v1/auditrecords", null, null).status()).isEqualTo(401);
        // Verifying is reading the log (the table's READ_ACTIVITY_LOG): the four readers may.
        for (String reader : List.of("account.admin@partner.demo", "referral.admin@partner.demo", "marketing.admin@partner.demo")) {
            assertThat(send("GET", "/v1/auditrecords/verification", loginDemo(reader), null).status()).as(reader).isEqualTo(200);
        }
    }

    @Test
    @Order(5)
    void datesAndFiltersAreChecked() {
        // The product's time only moves on, so a second beyond 90 days before "now" is too old whenever the request arrives.
        Answer tooOld = send("GET", "/v1/auditrecords?startDate=" + productNow().minus(Duration.ofDays(90)).minusSeconds(1), globalAdmin, null);
        assertThat(tooOld.status()).isEqualTo(400);
        assertThat(tooOld.problemCode()).isEqualTo("start_date_too_old");
        assertThat(tooOld.json().get("errors").toString()).contains("field=startDate,");
        Answer eightyNine = send("GET", "/v1/auditrecords?startDate=" + productNow().minus(Duration.ofDays(89)), globalAdmin, null);
        assertThat(eightyNine.status()).isEqualTo(200);

        // #14: Partner Center's SDK sends yyyy-MM-DD with DD the day of the year; the same records come back.
        LocalDate tomorrow = today().plusDays(1);
        String sdkTomorrow = String.format("%d-%02d-%02d", tomorrow.getYear(), tomorrow.getMonthValue(), tomorrow.getDayOfYear());
        String sinceYesterday = "/v1/auditrecords?filter=" + filter("CustomerId", tenant, "equals") + "&startDate=" + today().minusDays(1);
        Answer sdkForm = send("GET", sinceYesterday + "&endDate=" + sdkTomorrow, globalAdmin, null);
        Answer isoForm = send("GET", sinceYesterday + "&endDate=" + tomorrow, globalAdmin, null);
        assertThat(sdkForm.status()).as(sdkForm.toString()).isEqualTo(200);
        assertThat(sdkForm.json().get("totalCount")).isEqualTo(isoForm.json().get("totalCount")).isEqualTo(6);

        Answer backwards = send("GET", "/v1/auditrecords?startDate=" + today()
                + "&endDate=" + today().minusDays(1), globalAdmin, null);
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.problemCode()).isEqualTo("date_range_invalid");

        Answer malformed = send("GET", "/v1/auditrecords?startDate=yesterday&endDate=2026-13-01", globalAdmin, null,
                "Accept-Language", "de");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.problemCode()).isEqualTo("validation_failed");
        assertThat(malformed.json().get("errors").toString()).contains("field=startDate,", "field=endDate,", "ISO-8601");
        // #14: Partner Center's error fields beside the problem's, in the caller's language.
        assertThat(malformed.json().get("description")).isEqualTo(malformed.json().get("detail")).isNotNull();
        assertThat(malformed.json().get("data").toString()).contains("startDate: ", "endDate: ");

        for (String bad : List.of("{not json", "[]", "\"CustomerId\"", "{\"field\":\"Password\",\"value\":\"x\",\"operator\":\"equals\"}",
                "{\"field\":\"CustomerId\",\"value\":\"x\",\"operator\":\"like\"}", "{\"field\":\"CustomerId\",\"value\":42}",
                "{\"field\":\"CustomerId\",\"value\":\"\"}", "{\"field\":\"CustomerId\",\"value\":\"x\",\"sql\":\"1=1\"}",
                "{\"field\":\"CustomerId\",\"value\":\"x\",\"operator\":\"Equals\",\"fieldType\":\"DateTimeOffset\"}")) {
            Answer refused = send("GET", "/v1/auditrecords?filter=" + URLEncoder.encode(bad, StandardCharsets.UTF_8), globalAdmin, null);
            assertThat(refused.status()).as(bad + " " + refused).isEqualTo(400);
            assertThat(refused.problemCode()).isEqualTo("filter_invalid");
            assertThat(refused.json().get("errors").toString()).contains("field=filter,");
        }
        Answer format = send("GET", "/v1/auditrecords?format=xml", globalAdmin, null);
        assertThat(format.status()).isEqualTo(400);
        assertThat(format.problemCode()).isEqualTo("format_unsupported");
        assertThat(send("GET", "/v1/auditrecords?size=0", globalAdmin, null).status()).isEqualTo(400);
        assertThat(send("GET", "/v1/auditrecords?size=501", globalAdmin, null).status()).isEqualTo(400);
        // HEAD would start an export nobody reads.
        assertThat(send("HEAD", "/v1/auditrecords?format=csv", globalAdmin, null).status()).isEqualTo(405);
    }

    /** A deleted newest record leaves a chain that verifies record by record; its head tells. Restored afterwards. */
    @Test
    @Order(6)
    void theChainCheckFindsTheNewestRecordDeletedBehindTheApplicationsBack() throws Exception {
        try (Connection connection = ThrowawayMariaDb.shared().connect(jdbcUrl);
             java.sql.Statement statement = connection.createStatement()) {
            String newest;
            try (java.sql.ResultSet row = statement.executeQuery("SELECT id FROM activity_record WHERE chain_key = '"
                    + tenant + "' ORDER BY chain_seq DESC LIMIT 1")) {
                assertThat(row.next()).isTrue();
                newest = row.getString(1);
            }
            statement.execute("CREATE TABLE deleted_record AS SELECT * FROM activity_record WHERE id = '" + newest + "'");
            assertThat(statement.executeUpdate("DELETE FROM activity_record WHERE id = '" + newest + "'")).isEqualTo(1);
            try {
                Answer broken = send("GET", "/v1/auditrecords/verification", globalAdmin, null);
                assertThat(broken.json()).as(broken.toString()).containsEntry("intact", false);
                Map<?, ?> link = (Map<?, ?>) broken.json().get("firstBrokenLink");
                assertThat(link.get("chain")).isEqualTo(tenant);
                assertThat(link.get("reason")).isEqualTo("records_missing_at_end");
            } finally {
                String stored;
                try (java.sql.ResultSet row = statement.executeQuery("SELECT GROUP_CONCAT(column_name ORDER BY ordinal_position)"
                        + " FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'activity_record'"
                        + " AND is_generated = 'NEVER'")) {
                    row.next();
                    stored = row.getString(1);
                }
                statement.execute("INSERT INTO activity_record (" + stored + ") SELECT " + stored + " FROM deleted_record");
                statement.execute("DROP TABLE deleted_record");
            }
        }
        assertThat(send("GET", "/v1/auditrecords/verification", globalAdmin, null).json()).containsEntry("intact", true);
    }

    @Test
    @Order(7)
    void theChainCheckFindsTheOneRecordChangedBehindTheApplicationsBack() throws Exception {
        Answer intact = send("GET", "/v1/auditrecords/verification", globalAdmin, null);
        assertThat(intact.status()).as(intact.toString()).isEqualTo(200);
        assertThat(intact.json()).containsEntry("intact", true).doesNotContainKey("firstBrokenLink");
        assertThat(((Number) intact.json().get("recordsChecked")).longValue()).isGreaterThanOrEqualTo(4);
        assertThat(((Number) intact.json().get("chainsChecked")).intValue()).isGreaterThanOrEqualTo(1);

        List<Map<String, Object>> records = Purchases.items(send("GET", "/v1/auditrecords?filter="
                + filter("CustomerId", tenant, "equals"), globalAdmin, null));
        String keyRecord = (String) record(records, "get_software_key").get("id");
        try (Connection connection = ThrowawayMariaDb.shared().connect(jdbcUrl);
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE activity_record SET user_principal_name = 'mallory' WHERE id = ?")) {
            update.setString(1, keyRecord);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }

        Answer broken = send("GET", "/v1/auditrecords/verification", globalAdmin, null);
        assertThat(broken.status()).isEqualTo(200);
        assertThat(broken.json()).containsEntry("intact", false);
        Map<?, ?> link = (Map<?, ?>) broken.json().get("firstBrokenLink");
        assertThat(link).as(broken.toString()).isNotNull();
        assertThat(link.get("recordId")).isEqualTo(keyRecord);
        assertThat((String) link.get("chain")).isNotBlank();
        assertThat(((Number) link.get("sequence")).longValue()).isPositive();
        assertThat((String) link.get("reason")).isNotBlank();

        // The log shows what is stored; the check is what tells that it was changed.
        List<Map<String, Object>> after = Purchases.items(send("GET", "/v1/auditrecords?filter="
                + filter("CustomerId", tenant, "equals"), globalAdmin, null));
        assertThat(after.stream().filter(r -> keyRecord.equals(r.get("id"))).map(r -> r.get("userPrincipalName"))
                .collect(Collectors.toList())).containsExactly("mallory");
    }

    /**
     * #14: Partner Center's SDK reads operationType, resourceType and operationStatus into its enums
     * and fails the whole page on any other value. Pages holding a cancellation, its credit, downloads
     * and a failed sign-in carry only PC's values, our own kinds beside them; PC's names filter (a
     * cancellation is PC's update_order), and so do ours.
     */
    @Test
    @Order(8)
    void everyPageHoldsOnlyPartnerCentersValuesWithACancellationACreditADownloadAndASignIn() {
        String agent = loginDemo(AGENT);
        String cancelledOrder = shop.buy(agent, tenant, Purchases.SQL_SERVER_2022_STANDARD, "HU");
        Answer cancelled = send("PATCH", "/v1/customers/" + tenant + "/orders/" + cancelledOrder, agent,
                Map.of("status", "cancelled", "acknowledged", true));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        Answer wrongPassword = send("POST", "/login", null, Map.of("username", AGENT, "password", "not the password"));
        assertThat(wrongPassword.status()).isEqualTo(401);

        List<Map<String, Object>> onePage = Purchases.items(send("GET", "/v1/auditrecords?size=500", globalAdmin, null));
        List<Map<String, Object>> records = allPages("/v1/auditrecords?size=7");

        assertThat(onePage).extracting(r -> r.get("operationKind"))
                .contains("cancel_order", "issue_credit", "download_software", "sign_in");
        assertThat(records).extracting(r -> r.get("id")).containsExactlyInAnyOrderElementsOf(
                onePage.stream().map(r -> r.get("id")).toList());
        for (Map<String, Object> record : records) {
            assertThat(PartnerCenterAuditValues.OPERATION_TYPES).as(record.toString()).contains((String) record.get("operationType"));
            assertThat(PartnerCenterAuditValues.RESOURCE_TYPES).as(record.toString()).contains((String) record.get("resourceType"));
            assertThat(PartnerCenterAuditValues.OPERATION_STATUSES).as(record.toString()).contains((String) record.get("operationStatus"));
        }
        Map<String, Object> cancellation = records.stream().filter(r -> cancelledOrder.equals(r.get("resourceId"))
                && "cancel_order".equals(r.get("operationKind"))).findFirst().orElseThrow();
        assertThat(cancellation).containsEntry("operationType", "update_order").containsEntry("resourceType", "order")
                .containsEntry("resourceKind", "order");
        assertThat(record(records, "issue_credit")).containsEntry("operationType", "undefined")
                .containsEntry("resourceType", "undefined").containsEntry("resourceKind", "credit");
        assertThat(record(records, "sign_in")).containsEntry("operationType", "undefined").containsEntry("resourceType", "partner_user")
                .containsEntry("resourceKind", "user").containsEntry("operationStatus", "failed");

        // A Partner Center client filters by PC's names: update_order finds the cancellation.
        List<Map<String, Object>> orderUpdates = allPages("/v1/auditrecords?filter=" + filter("OperationType", "update_order", "equals"));
        assertThat(orderUpdates).extracting(r -> r.get("id")).contains(cancellation.get("id"));
        assertThat(orderUpdates).extracting(r -> r.get("operationType")).containsOnly("update_order");
        assertThat(allPages("/v1/auditrecords?filter=" + filter("OperationType", "cancel_order", "equals"))).isEmpty();
        // Ours: the kind itself, equals or substring.
        List<Map<String, Object>> credits = allPages("/v1/auditrecords?filter=" + filter("OperationKind", "ISSUE_CREDIT", "equals"));
        assertThat(credits).isNotEmpty().extracting(r -> r.get("operationKind")).containsOnly("issue_credit");
        assertThat(allPages("/v1/auditrecords?filter=" + filter("OperationKind", "cancel", "substring")))
                .extracting(r -> r.get("operationKind")).contains("cancel_order").containsOnly("cancel_order");
        // Resources likewise: PC's software_download_link is the link and the downloads through it.
        List<Map<String, Object>> links = allPages("/v1/auditrecords?filter=" + filter("ResourceType", "software_download_link", "equals")
                + "&size=2");
        assertThat(links).extracting(r -> r.get("operationKind")).contains("get_software_download_link", "download_software")
                .containsOnly("get_software_download_link", "download_software");
        assertThat(links).extracting(r -> r.get("id")).doesNotHaveDuplicates();
        assertThat(allPages("/v1/auditrecords?filter=" + filter("ResourceKind", "software_download", "equals")))
                .allSatisfy(r -> assertThat(r).containsEntry("operationKind", "download_software"))
                .filteredOn(r -> tenant.equals(r.get("customerId"))).hasSize(2);
        // The undefined ones, several kinds, page by page in order.
        List<Map<String, Object>> undefined = allPages("/v1/auditrecords?size=2&filter=" + filter("OperationType", "undefined", "equals"));
        assertThat(undefined).extracting(r -> r.get("operationKind")).contains("issue_credit", "download_software", "sign_in");
        assertThat(undefined).extracting(r -> Instant.parse((String) r.get("operationDate")))
                .isSortedAccordingTo((a, b) -> b.compareTo(a));

        // The dashboard lists and filters by our kinds: a cancellation and a credit are told apart.
        String cookie = dashboardSignIn("global.admin@partner.demo", DEMO_PASSWORD).headers("Set-Cookie").stream()
                .filter(c -> c.startsWith(SessionCookie.NAME + "=")).findFirst().orElseThrow();
        for (Map.Entry<String, String> kind : Map.of("cancel_order", "Order cancelled", "issue_credit", "Credit issued").entrySet()) {
            Answer page = send("GET", "/ui/settings/activity?kind=" + kind.getKey(), null, null,
                    "Cookie", cookie.substring(0, cookie.indexOf(';')), "Accept", "text/html", "Accept-Language", "en");
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            assertThat(page.body()).contains("data-operation=\"" + kind.getKey() + "\"")
                    .containsPattern("data-label=\"Activity\"[^>]*>" + kind.getValue() + "</td>")
                    .doesNotContain("data-operation=\"" + (kind.getKey().equals("cancel_order") ? "issue_credit" : "cancel_order") + "\"")
                    .contains("OperationKind");
        }
    }

    /** Issue #17: a cancellation names its order; kind, user and customer together, in the API, the page and its CSV. */
    @Test
    @Order(9)
    void kindUserAndCustomerFilterTogetherAndACancellationNamesItsOrder() throws IOException {
        String agent = loginDemo(AGENT);
        String cancelledOrder = shop.buy(agent, tenant, Purchases.SQL_SERVER_2022_STANDARD, "HU");
        assertThat(send("PATCH", "/v1/customers/" + tenant + "/orders/" + cancelledOrder, agent,
                Map.of("status", "cancelled", "acknowledged", true)).status()).isEqualTo(200);
        String all = "[" + rawFilter("OperationKind", "cancel_order") + "," + rawFilter("UserPrincipalName", "ADMIN.agent@partner.demo")
                + "," + rawFilter("CustomerId", tenant) + "]";
        List<Map<String, Object>> found = allPages("/v1/auditrecords?filter=" + URLEncoder.encode(all, StandardCharsets.UTF_8));
        assertThat(found).isNotEmpty().allSatisfy(r -> assertThat(r).containsEntry("operationKind", "cancel_order")
                .containsEntry("userPrincipalName", AGENT).containsEntry("customerId", tenant));
        Map<String, Object> cancellation = found.stream().filter(r -> cancelledOrder.equals(r.get("resourceId"))).findFirst().orElseThrow();
        assertThat(cancellation.get("customizedData").toString()).contains("{key=orderId, value=" + cancelledOrder + "}");
        String someoneElse = "[" + rawFilter("CustomerId", tenant) + "," + rawFilter("UserPrincipalName", "global.admin@partner.demo") + "]";
        assertThat(allPages("/v1/auditrecords?filter=" + URLEncoder.encode(someoneElse, StandardCharsets.UTF_8))).isEmpty();
        String twice = "[" + rawFilter("CustomerId", tenant) + "," + rawFilter("customerid", tenant) + "]";
        Answer refused = send("GET", "/v1/auditrecords?filter=" + URLEncoder.encode(twice, StandardCharsets.UTF_8), globalAdmin, null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problemCode()).isEqualTo("filter_invalid");

        String cookie = dashboardSignIn("global.admin@partner.demo", DEMO_PASSWORD).headers("Set-Cookie").stream()
                .filter(c -> c.startsWith(SessionCookie.NAME + "=")).findFirst().orElseThrow();
        String session = cookie.substring(0, cookie.indexOf(';'));
        Answer page = send("GET", "/ui/settings/activity?kind=cancel_order&user=" + URLEncoder.encode(AGENT, StandardCharsets.UTF_8)
                + "&customer=" + tenant, null, null, "Cookie", session, "Accept", "text/html", "Accept-Language", "de");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.body()).contains("data-operation=\"cancel_order\"", "<dt>Bestellung</dt>",
                "href=\"/ui/customers/" + tenant + "/orders/" + cancelledOrder + "\"", "<dt>Gutschrift</dt>")
                .doesNotContain("data-operation=\"get_software_key\"", ">creditGross", "creditGross:", "lineItems:", linkId)
                .containsPattern("<option value=\"" + tenant + "\"[^>]*selected");
        java.util.regex.Matcher csvLink = java.util.regex.Pattern.compile("href=\"([^\"]+)\"[^>]*data-action=\"export-csv\"")
                .matcher(page.body());
        assertThat(csvLink.find()).as(page.body()).isTrue();
        Answer csv = send("GET", csvLink.group(1).replace("&amp;", "&"), null, null, "Cookie", session);
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(csv.body())).getRecords();
        assertThat(rows.subList(1, rows.size())).isNotEmpty()
                .allSatisfy(row -> assertThat(row.toList()).contains("cancel_order", AGENT, tenant));

        // A customer's own admin does not read the log, not even its own tenant's records.
        String customerCookie = dashboardSignIn("customer.admin@contoso.demo", DEMO_PASSWORD).headers("Set-Cookie").stream()
                .filter(c -> c.startsWith(SessionCookie.NAME + "=")).findFirst().orElseThrow();
        Answer customerPage = send("GET", "/ui/settings/activity?customer=" + tenant, null, null,
                "Cookie", customerCookie.substring(0, customerCookie.indexOf(';')), "Accept", "text/html");
        assertThat(customerPage.status()).isEqualTo(403);
        assertThat(customerPage.body()).doesNotContain("data-operation=");
    }

    private static String rawFilter(String field, String value) {
        return "{\"field\":\"" + field + "\",\"value\":\"" + value + "\",\"operator\":\"equals\"}";
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void noProductKeyReachesALogLine() {
        assertThat(productKey).isNotBlank();
        assertThat(captured.list).isNotEmpty();
        Purchases.assertNoKeyLogged(captured, Set.of(productKey));
    }

    /** The product's time (the sandbox clock), which the log's date rules are about. */
    private Instant productNow() {
        return Instant.parse((String) send("GET", "/v1/test/clock", globalAdmin, null).json().get("now"));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(productNow(), ZoneOffset.UTC);
    }

    private static Map<String, Object> record(List<Map<String, Object>> records, String operationKind) {
        return records.stream().filter(r -> operationKind.equals(r.get("operationKind"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + operationKind + " in " + records));
    }

    /** Every record of the query, page after page as a client follows links.next. */
    private List<Map<String, Object>> allPages(String first) {
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        String path = first;
        for (int pages = 0; path != null && pages < 100; pages++) {
            Answer page = send("GET", path, globalAdmin, null);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            // An empty collection has no items.
            if (page.json().containsKey("items")) {
                all.addAll(Purchases.items(page));
            }
            Map<?, ?> next = (Map<?, ?>) ((Map<?, ?>) page.json().getOrDefault("links", Map.of())).get("next");
            path = next == null ? null : "/v1/" + next.get("uri");
        }
        return all;
    }

    private static String filter(String field, String value, String operator) {
        return URLEncoder.encode("{\"field\":\"" + field + "\",\"value\":\"" + value + "\",\"operator\":\"" + operator + "\"}",
                StandardCharsets.UTF_8);
    }
}
