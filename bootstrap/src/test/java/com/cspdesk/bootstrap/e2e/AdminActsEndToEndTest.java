package com.cspdesk.bootstrap.e2e;

import com.cspdesk.adapters.web.ui.shared.SessionCookie;
import com.cspdesk.domain.activity.PartnerCenterAuditValues;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, items 1 and 4: every admin act is on the activity log with who, when and from where,
 * written with the act (on MariaDB), and the chains stay intact; changing a user's roles or password
 * refuses its tokens at once.
 */
@MicronautTest(transactional = false)
class AdminActsEndToEndTest extends EndToEnd {

    /** The test's client: the loopback address, in whichever form the server saw it. */
    private static final String LOOPBACK = "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1|::1";
    private static final String PASSWORD = "Admin-Acts-Passw0rd!";

    @Test
    void creatingChangingAndDeletingAUserAreRecordedWithWhoAndFromWhere() {
        assertThat(send("POST", "/v1/users", admin, Map.of("username", "Audited.Agent@Partner.Test", "password", PASSWORD,
                "roles", List.of("ADMIN_AGENT")), "MS-RequestId", "audit-create-1").status()).isEqualTo(201);
        Map<String, Object> created = newest("create_partner_user", "audited.agent@partner.test");
        assertThat(created).containsEntry("userPrincipalName", ADMIN).containsEntry("operationType", "create_partner_user")
                .containsEntry("resourceType", "partner_user").containsEntry("resourceKind", "user")
                .containsEntry("operationStatus", "succeeded").containsKey("operationDate");
        assertThat(data(created)).containsEntry("roles", "ADMIN_AGENT").doesNotContainKey("password");
        assertThat(data(created).get("clientAddress")).matches(LOOPBACK);
        assertThat(created.toString()).doesNotContain(PASSWORD);

        Answer changed = send("PATCH", "/v1/users/audited.agent@partner.test", admin,
                Map.of("roles", List.of("SALES_AGENT", "ACCOUNT_ADMIN")));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json()).containsEntry("roles", List.of("ACCOUNT_ADMIN", "SALES_AGENT"));
        assertThat(data(newest("update_partner_user", "audited.agent@partner.test")))
                .containsEntry("rolesBefore", "ADMIN_AGENT").containsEntry("rolesAfter", "ACCOUNT_ADMIN,SALES_AGENT");

        assertThat(send("DELETE", "/v1/users/audited.agent@partner.test", admin, null).status()).isEqualTo(204);
        Map<String, Object> removed = newest("remove_partner_user", "audited.agent@partner.test");
        assertThat(data(removed)).containsEntry("roles", "ACCOUNT_ADMIN,SALES_AGENT");
        assertThat(data(removed).get("clientAddress")).matches(LOOPBACK);
        assertIntact();
    }

    @Test
    void changingRolesOrThePasswordRefusesTheOldTokensAtOnce() {
        String agent = create("role.change@partner.test", "ADMIN_AGENT");
        assertThat(send("GET", "/v1/customers", agent, null).status()).isEqualTo(200);

        Answer changed = send("PATCH", "/v1/users/role.change@partner.test", admin, Map.of("roles", List.of("SALES_AGENT")),
                "MS-RequestId", "audit-patch-1");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(send("GET", "/v1/customers", agent, null).status()).isEqualTo(401);
        String again = login("role.change@partner.test", PASSWORD);
        assertThat(send("GET", "/v1/customers", again, null).status()).isEqualTo(200);
        // A retry with the same request id gets the first answer and changes (and ends) nothing again.
        Answer retried = send("PATCH", "/v1/users/role.change@partner.test", admin, Map.of("roles", List.of("SALES_AGENT")),
                "MS-RequestId", "audit-patch-1");
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retried.body()).isEqualTo(changed.body());
        assertThat(send("GET", "/v1/customers", again, null).status()).isEqualTo(200);
        assertThat(recordsOf("update_partner_user", "role.change@partner.test")).hasSize(1);

        Answer reset = send("PATCH", "/v1/users/role.change@partner.test", admin, Map.of("password", "Brand-New-Passw0rd!"));
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.body()).doesNotContain("Brand-New-Passw0rd!").doesNotContain("argon2");
        assertThat(send("GET", "/v1/customers", again, null).status()).isEqualTo(401);
        assertThat(send("POST", "/login", null, Map.of("username", "role.change@partner.test", "password", PASSWORD))
                .status()).isEqualTo(401);
        assertThat(login("role.change@partner.test", "Brand-New-Passw0rd!")).isNotBlank();
        Map<String, Object> record = newest("update_partner_user", "role.change@partner.test");
        assertThat(data(record)).containsEntry("password", "reset").doesNotContainKeys("rolesBefore", "rolesAfter");
        assertThat(record.toString()).doesNotContain("Brand-New-Passw0rd!");
    }

    @Test
    void aChangeIsValidatedLikeANewUserInTheCallersLanguage() {
        create("validated.user@partner.test", "SALES_AGENT");
        Answer weak = send("PATCH", "/v1/users/validated.user@partner.test", admin, Map.of("password", "short"),
                "Accept-Language", "hu");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.problemCode()).isEqualTo("validation_failed");
        assertThat(weak.json().get("errors")).isEqualTo(List.of(Map.of("field", "password",
                "message", "A jelszónak legalább 12 karakterből kell állnia.")));

        Answer unknownRole = send("PATCH", "/v1/users/validated.user@partner.test", admin, Map.of("roles", List.of("EMPEROR")));
        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(unknownRole.json().get("errors").toString()).contains("EMPEROR");
        Answer noTenant = send("PATCH", "/v1/users/validated.user@partner.test", admin,
                Map.of("roles", List.of("CUSTOMER_GLOBAL_ADMIN")));
        assertThat(noTenant.status()).isEqualTo(400);
        assertThat(noTenant.json().get("errors").toString()).contains("customerTenantId");
        Answer empty = send("PATCH", "/v1/users/validated.user@partner.test", admin, Map.of(), "Accept-Language", "de");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.problemCode()).isEqualTo("user_change_empty");
        assertThat(empty.json().get("title")).isEqualTo("Nichts zu ändern");
        Answer unknown = send("PATCH", "/v1/users/nobody.here@partner.test", admin, Map.of("roles", List.of("SALES_AGENT")));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problemCode()).isEqualTo("user_not_found");

        Answer notAdmin = send("PATCH", "/v1/users/validated.user@partner.test", loginDemo("admin.agent@partner.demo"),
                Map.of("roles", List.of("GLOBAL_ADMIN")));
        assertThat(notAdmin.status()).isEqualTo(403);
        assertThat(recordsOf("update_partner_user", "validated.user@partner.test")).isEmpty();
    }

    @Test
    void theLastGlobalAdminKeepsTheRole() {
        String second = create("second.global@partner.test", "GLOBAL_ADMIN");
        // Every global admin but the root one loses the role, the last of them by the root admin.
        for (Object user : (List<?>) send("GET", "/v1/users", admin, null).json().get("items")) {
            Map<?, ?> u = (Map<?, ?>) user;
            if (((List<?>) u.get("roles")).contains("GLOBAL_ADMIN") && !ADMIN.equals(u.get("username"))) {
                assertThat(send("PATCH", "/v1/users/" + u.get("username"), admin, Map.of("roles", List.of("ADMIN_AGENT")))
                        .status()).isEqualTo(200);
            }
        }
        assertThat(send("GET", "/v1/users", second, null).status()).isEqualTo(401);

        Answer last = send("PATCH", "/v1/users/" + ADMIN, admin, Map.of("roles", List.of("ADMIN_AGENT")), "Accept-Language", "sv");
        assertThat(last.status()).isEqualTo(409);
        assertThat(last.problemCode()).isEqualTo("last_global_admin_role");
        assertThat(last.json().get("title")).isEqualTo("Sista globala administratören");
        assertThat(send("GET", "/v1/users", admin, null).status()).isEqualTo(200);
        assertThat(recordsOf("update_partner_user", ADMIN)).isEmpty();
    }

    @Test
    void addingACustomerIsRecordedOnItsChainWithItsIdAndName() {
        Answer customer = send("POST", "/v1/customers", admin, Map.of(
                "companyProfile", Map.of("companyName", "Audit Trail GmbH", "domain", "audit-trail.example"),
                "billingProfile", Map.of("country", "DE")));
        assertThat(customer.status()).as(customer.toString()).isEqualTo(201);
        String tenant = (String) customer.json().get("id");

        Map<String, Object> record = newest("add_customer", tenant);
        assertThat(record).containsEntry("customerId", tenant).containsEntry("customerName", "Audit Trail GmbH")
                .containsEntry("userPrincipalName", ADMIN).containsEntry("resourceType", "customer")
                .containsEntry("operationType", "add_customer").containsEntry("operationKind", "add_customer");
        assertThat(data(record)).containsEntry("domain", "audit-trail.example").containsEntry("country", "DE");
        assertThat(data(record).get("clientAddress")).matches(LOOPBACK);
        assertIntact();
    }

    @Test
    void startingAnInvoiceRunAndMovingTheClockAreRecorded() {
        Map<String, Object> run = invoiceRunToItsEnd(admin, YearMonth.of(2021, 3));
        Map<String, Object> ready = newest("ready_invoice", (String) run.get("id"));
        assertThat(ready).containsEntry("userPrincipalName", ADMIN).containsEntry("operationType", "ready_invoice")
                .containsEntry("resourceType", "invoice").containsEntry("resourceKind", "invoice_run");
        assertThat(data(ready)).containsEntry("billingMonth", "2021-03");
        assertThat(data(ready).get("clientAddress")).matches(LOOPBACK);

        String agent = loginDemo("admin.agent@partner.demo");
        String before = (String) send("GET", "/v1/test/clock", agent, null).json().get("now");
        Answer moved = send("PUT", "/v1/test/clock", agent, Map.of("advanceBy", "PT1H"));
        assertThat(moved.status()).isEqualTo(200);
        List<Map<String, Object>> moves = recordsOf("update_sandbox_clock", "sandbox");
        Map<String, Object> move = moves.get(0);
        assertThat(move).containsEntry("userPrincipalName", "admin.agent@partner.demo").containsEntry("operationType", "undefined")
                .containsEntry("resourceType", "undefined").containsEntry("resourceKind", "sandbox_clock");
        assertThat(java.time.Instant.parse(data(move).get("from"))).isAfterOrEqualTo(java.time.Instant.parse(before));
        assertThat(java.time.Duration.between(java.time.Instant.parse(data(move).get("from")),
                java.time.Instant.parse(data(move).get("to")))).isEqualTo(java.time.Duration.ofHours(1));
        assertThat(data(move).get("clientAddress")).matches(LOOPBACK);

        Answer back = send("PUT", "/v1/test/clock", agent, Map.of("advanceBy", "-PT1H"));
        assertThat(back.status()).isBetween(400, 499);
        assertThat(recordsOf("update_sandbox_clock", "sandbox")).hasSize(moves.size());
        assertIntact();
    }

    @Test
    void theDashboardsActivityTableSaysWhereEachActCameFrom() {
        create("dashboard.shown@partner.test", "SALES_AGENT");
        String cookie = dashboardSignIn(ADMIN, ADMIN_PASSWORD).headers("Set-Cookie").stream()
                .filter(c -> c.startsWith(SessionCookie.NAME + "=")).findFirst().orElseThrow();

        Answer page = send("GET", "/ui/settings/activity?kind=create_partner_user", null, null,
                "Cookie", cookie.substring(0, cookie.indexOf(';')), "Accept", "text/html", "Accept-Language", "en");

        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.body()).contains(">From</th>", "User created", "<dt>Roles</dt><dd><span>Sales agent</span></dd>")
                .containsPattern("data-label=\"From\"[^>]*>(" + LOOPBACK + ")</td>")
                .doesNotContain("clientAddress:", "roles:", "SALES_AGENT<");
    }

    /**
     * #14: Partner Center's SDK fails a page on an operationType, resourceType or operationStatus
     * outside its lists. Every admin record is in them (a failed sign-in is PC's undefined on a
     * partner_user); PC's update_partner_user finds a role change, and our kind finds it alone.
     */
    @Test
    void everyAdminRecordCarriesPartnerCentersValuesAndOurKind() {
        create("pc.values@partner.test", "SALES_AGENT");
        assertThat(send("PATCH", "/v1/users/pc.values@partner.test", admin, Map.of("roles", List.of("ADMIN_AGENT"))).status())
                .isEqualTo(200);
        assertThat(send("POST", "/login", null, Map.of("username", "pc.values@partner.test", "password", "wrong-password"))
                .status()).isEqualTo(401);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> all = (List<Map<String, Object>>) send("GET", "/v1/auditrecords?size=500", admin, null)
                .json().get("items");

        assertThat(all).extracting(r -> r.get("operationKind")).contains("create_partner_user", "update_partner_user", "sign_in");
        for (Map<String, Object> record : all) {
            assertThat(PartnerCenterAuditValues.OPERATION_TYPES).as(record.toString()).contains((String) record.get("operationType"));
            assertThat(PartnerCenterAuditValues.RESOURCE_TYPES).as(record.toString()).contains((String) record.get("resourceType"));
            assertThat(PartnerCenterAuditValues.OPERATION_STATUSES).as(record.toString()).contains((String) record.get("operationStatus"));
            assertThat(record).containsKeys("operationKind", "resourceKind");
        }
        Map<String, Object> signIn = all.stream().filter(r -> "sign_in".equals(r.get("operationKind"))
                && "pc.values@partner.test".equals(r.get("resourceId"))).findFirst().orElseThrow();
        assertThat(signIn).containsEntry("operationType", "undefined").containsEntry("resourceType", "partner_user")
                .containsEntry("operationStatus", "failed");
        List<Map<String, Object>> byPartnerCenter = records("OperationType", "update_partner_user", "pc.values@partner.test");
        assertThat(byPartnerCenter).extracting(r -> r.get("operationKind")).containsExactly("update_partner_user");
        assertThat(records("ResourceType", "partner_user", "pc.values@partner.test")).extracting(r -> r.get("operationKind"))
                .containsExactly("sign_in", "update_partner_user", "create_partner_user");
        assertThat(records("ResourceType", "user", "pc.values@partner.test")).isEmpty();
        assertThat(records("ResourceKind", "user", "pc.values@partner.test")).hasSize(3);
    }

    @Test
    void aCustomersAdminReadsNoneOfThePartnersAdminRecords() {
        String customerAdmin = loginDemo("customer.admin@contoso.demo");
        assertThat(send("GET", "/v1/auditrecords?filter=" + filter("OperationType", "create_partner_user"), customerAdmin, null)
                .status()).isEqualTo(403);
    }

    /** The first global admin's token, for every test of the class. */
    private String admin;

    @BeforeAll
    void signInAsTheFirstGlobalAdmin() {
        admin = login(ADMIN, ADMIN_PASSWORD);
    }

    private String create(String username, String role) {
        Answer created = send("POST", "/v1/users", admin, Map.of("username", username, "password", PASSWORD, "roles", List.of(role)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return login(username, PASSWORD);
    }

    private void assertIntact() {
        assertThat(send("GET", "/v1/auditrecords/verification", admin, null).json()).containsEntry("intact", true);
    }

    /** The newest record of that operation (our kind) on that resource. */
    private Map<String, Object> newest(String operationKind, String resourceId) {
        List<Map<String, Object>> records = recordsOf(operationKind, resourceId);
        assertThat(records).as(operationKind + " of " + resourceId).isNotEmpty();
        return records.get(0);
    }

    /** The records of that operation (our kind) on that resource, newest first. */
    private List<Map<String, Object>> recordsOf(String operationKind, String resourceId) {
        List<Map<String, Object>> records = records("OperationKind", operationKind, resourceId);
        assertThat(records).allSatisfy(r -> assertThat(r).containsEntry("operationKind", operationKind));
        return records;
    }

    /** The records the filter finds on that resource, newest first. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> records(String field, String value, String resourceId) {
        Answer answer = send("GET", "/v1/auditrecords?size=500&filter=" + filter(field, value), admin, null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        // An empty collection has no items.
        return ((List<Map<String, Object>>) answer.json().getOrDefault("items", List.of())).stream()
                .filter(record -> resourceId.equals(record.get("resourceId"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> data(Map<String, Object> record) {
        return ((List<Map<String, String>>) record.get("customizedData")).stream()
                .collect(Collectors.toMap(kv -> kv.get("key"), kv -> kv.get("value")));
    }

    private static String filter(String field, String value) {
        return URLEncoder.encode("{\"field\":\"" + field + "\",\"value\":\"" + value + "\",\"operator\":\"equals\"}",
                StandardCharsets.UTF_8);
    }
}
