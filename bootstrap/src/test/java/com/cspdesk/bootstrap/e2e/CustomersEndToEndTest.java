package com.cspdesk.bootstrap.e2e;

import com.cspdesk.adapters.web.ui.shared.SessionCookie;
import com.cspdesk.adapters.web.ui.shared.UiCsrf;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** api.md "Customers": adding customers, finding them page by page, and who may see which. */
@MicronautTest(transactional = false)
class CustomersEndToEndTest extends EndToEnd {

    private String agent;
    private String sales;

    @BeforeAll
    void signIn() {
        agent = loginDemo("admin.agent@partner.demo");
        sales = loginDemo("sales.agent@partner.demo");
    }

    @Test
    void anAdminAgentAddsACustomerWhoCanThenBeReadByIdAndByDomain() {
        Answer created = send("POST", "/v1/customers", agent, customer("Wingtip Toys Kft.", "wingtip.example", "hu"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Map<String, Object> body = created.json();
        String id = (String) body.get("id");
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(created.header("Location")).isEqualTo("/v1/customers/" + id);
        assertThat(body).containsEntry("companyProfile", Map.of("companyName", "Wingtip Toys Kft.", "domain", "wingtip.example"))
                .containsEntry("billingProfile", Map.of("companyName", "Wingtip Toys Kft.", "defaultAddress", Map.of("country", "HU"),
                        "country", "HU")).containsKey("createdAt");
        assertThat(((Map<?, ?>) ((Map<?, ?>) body.get("links")).get("self")).get("uri")).isEqualTo("/v1/customers/" + id);
        assertThat(((Map<?, ?>) ((Map<?, ?>) body.get("links")).get("orders")).get("uri")).isEqualTo("/v1/customers/" + id + "/orders");

        Answer byId = send("GET", "/v1/customers/" + id, sales, null);
        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.json()).isEqualTo(body);
        Answer byDomain = send("GET", "/v1/customers/WINGTIP.example", sales, null);
        assertThat(byDomain.status()).isEqualTo(200);
        assertThat(byDomain.json()).isEqualTo(body);

        Answer byGlobalAdmin = send("POST", "/v1/customers", loginDemo("global.admin@partner.demo"),
                customer("Wingtip Toys Pty Ltd", "wingtip-au.example", "AU"));
        assertThat(byGlobalAdmin.status()).isEqualTo(201);
    }

    @Test
    void invalidInputIsRefusedFieldByField() {
        assertRefused(customer(" ", "blank-name.example", "HU"), 400, "company_name_invalid", "companyProfile.companyName");
        assertRefused(customer("N".repeat(256), "long-name.example", "HU"), 400, "company_name_invalid", "companyProfile.companyName");
        assertRefused(customer("No Domain Ltd", "not a domain", "HU"), 400, "domain_invalid", "companyProfile.domain");
        assertRefused(customer("No Domain Ltd", "localhost", "HU"), 400, "domain_invalid", "companyProfile.domain");
        assertRefused(customer("Nowhere Ltd", "nowhere.example", "XX"), 400, "country_invalid", "billingProfile.country");
        assertRefused(customer("Nowhere Ltd", "nowhere.example", "HUN"), 400, "country_invalid", "billingProfile.country");
        assertRefused(customer("Nowhere Ltd", "nowhere.example", ""), 400, "country_invalid", "billingProfile.country");

        Answer missing = send("POST", "/v1/customers", agent, Map.of("companyProfile", Map.of("companyName", "Half Ltd")));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.problemCode()).isEqualTo("validation_failed");
        assertThat(missing.json().get("errors").toString()).contains("field=billingProfile");

        Answer badJson = send("POST", "/v1/customers", agent, "{\"companyProfile\": ");
        assertThat(badJson.status()).isEqualTo(400);
        assertThat(badJson.problemCode()).isEqualTo("malformed_request");

        Answer german = send("POST", "/v1/customers", agent, customer("Nowhere GmbH", "nowhere.example", "XX"),
                "Accept-Language", "de");
        assertThat(german.json().get("title")).isEqualTo("Ungültiges Land");
        assertThat(send("GET", "/v1/customers?q=nowhere", agent, null).json().get("totalCount")).isEqualTo(0);
    }

    @Test
    void aTakenDomainIsAConflict() {
        assertThat(send("POST", "/v1/customers", agent, customer("Fabrikam Ltd", "fabrikam.example", "GB")).status()).isEqualTo(201);
        assertRefused(customer("Fabrikam Again Ltd", "Fabrikam.Example", "DE"), 409, "domain_taken", "companyProfile.domain");
    }

    @Test
    void onlyAdminAgentsAndGlobalAdminsAddCustomers() {
        for (String user : List.of("sales.agent@partner.demo", "account.admin@partner.demo", "customer.admin@contoso.demo")) {
            Answer answer = send("POST", "/v1/customers", loginDemo(user), customer("Forbidden Ltd", "forbidden.example", "HU"));
            assertThat(answer.status()).as(user).isEqualTo(403);
            assertThat(answer.problemCode()).isEqualTo("forbidden");
        }
        for (String user : List.of("account.admin@partner.demo", "referral.admin@partner.demo", "marketing.admin@partner.demo")) {
            assertThat(send("GET", "/v1/customers", loginDemo(user), null).status()).as(user).isEqualTo(403);
        }
        assertThat(send("GET", "/v1/customers", null, null).status()).isEqualTo(401);
        assertThat(send("GET", "/v1/customers?q=forbidden", agent, null).json().get("totalCount")).isEqualTo(0);
    }

    @Test
    void anUnknownCustomerIs404() {
        for (String key : List.of(UUID.randomUUID().toString(), "nobody.example", "not-a-domain")) {
            Answer answer = send("GET", "/v1/customers/" + key, agent, null);
            assertThat(answer.status()).as(key).isEqualTo(404);
            assertThat(answer.problemCode()).isEqualTo("customer_not_found");
        }
    }

    @Test
    void aCustomersAdminSeesItsOwnCustomerOnlyAndAnotherTenantIs404() {
        Map<String, Object> mine = send("POST", "/v1/customers", agent, customer("Tailspin Toys", "tailspin.example", "SE")).json();
        Map<String, Object> other = send("POST", "/v1/customers", agent, customer("Tailwind Traders", "tailwind.example", "SE")).json();
        String tenantAdmin = customerAdmin("it@tailspin.example", (String) mine.get("id"));

        Answer own = send("GET", "/v1/customers/" + mine.get("id"), tenantAdmin, null);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json()).isEqualTo(mine);
        assertThat(send("GET", "/v1/customers/tailspin.example", tenantAdmin, null).status()).isEqualTo(200);

        for (String key : List.of((String) other.get("id"), "tailwind.example")) {
            Answer foreign = send("GET", "/v1/customers/" + key, tenantAdmin, null);
            assertThat(foreign.status()).as(key).isEqualTo(404);
            assertThat(foreign.problemCode()).isEqualTo("customer_not_found");
        }
        Answer list = send("GET", "/v1/customers", tenantAdmin, null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("totalCount")).isEqualTo(1);
        assertThat(items(list)).extracting(c -> c.get("id")).containsExactly(mine.get("id"));
        assertThat(send("GET", "/v1/customers?q=tailwind", tenantAdmin, null).json().get("totalCount")).isEqualTo(0);

        // The demo customer admin sees its own demo customer (Contoso, made in sandbox mode) and nothing else.
        String demo = loginDemo("customer.admin@contoso.demo");
        assertThat(send("GET", "/v1/customers/" + mine.get("id"), demo, null).status()).isEqualTo(404);
        Answer demoList = send("GET", "/v1/customers", demo, null);
        assertThat(demoList.json().get("totalCount")).isEqualTo(1);
        assertThat(items(demoList)).extracting(c -> c.get("id")).containsExactly("5c1f9d3e-8a4b-4f61-9e2a-3b7c0d1e2f40");
    }

    @Test
    void customersArePagedByKeysetWithoutDuplicates() {
        Set<String> created = new HashSet<>();
        for (String name : List.of("Pagetest Echo", "Pagetest Alpha", "pagetest Delta", "Pagetest Charlie", "Pagetest Bravo")) {
            Answer answer = send("POST", "/v1/customers", agent,
                    customer(name, name.toLowerCase().replace(' ', '-') + ".example", "PL"));
            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
            created.add((String) answer.json().get("id"));
        }
        send("POST", "/v1/customers", agent, customer("Other Ltd", "other-pagetest.example", "PL"));

        List<String> seen = new ArrayList<>();
        List<String> names = new ArrayList<>();
        String next = "/v1/customers?size=2&q=pagetest";
        int pages = 0;
        while (next != null) {
            Answer page = send("GET", next, sales, null);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            assertThat(page.json().get("totalCount")).isEqualTo(5);
            assertThat(items(page)).hasSizeLessThanOrEqualTo(2);
            items(page).forEach(c -> {
                seen.add((String) c.get("id"));
                names.add((String) ((Map<?, ?>) c.get("companyProfile")).get("companyName"));
            });
            Map<?, ?> links = (Map<?, ?>) page.json().get("links");
            next = null;
            if (links != null && links.containsKey("next")) {
                // #14: as Partner Center writes it — relative to the API root, the token also in MS-ContinuationToken.
                Map<?, ?> link = (Map<?, ?>) links.get("next");
                String relative = (String) link.get("uri");
                assertThat(relative).startsWith("customers?").contains("size=2", "continuationToken=", "q=pagetest");
                String token = java.net.URLDecoder.decode(relative.replaceAll(".*continuationToken=([^&]*).*", "$1"),
                        java.nio.charset.StandardCharsets.UTF_8);
                assertThat(link.get("headers").toString()).isEqualTo("[{key=MS-ContinuationToken, value=" + token + "}]");
                next = "/v1/" + relative;
            }
            pages++;
            assertThat(pages).isLessThanOrEqualTo(3);
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
        assertThat(names).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
    }

    @Test
    void pageSizeAndContinuationTokenAreChecked() {
        for (String size : List.of("0", "501", "-1")) {
            Answer answer = send("GET", "/v1/customers?size=" + size, agent, null);
            assertThat(answer.status()).as(size).isEqualTo(400);
            assertThat(answer.problemCode()).isEqualTo("validation_failed");
            assertThat(answer.json().get("errors").toString()).contains("field=size");
        }
        Answer notANumber = send("GET", "/v1/customers?size=many", agent, null);
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.problemCode()).isEqualTo("malformed_request");
        assertThat(send("GET", "/v1/customers?size=500", agent, null).status()).isEqualTo(200);

        for (String token : List.of("garbage!", URLEncoder.encode("b3JkZXJzH3g", StandardCharsets.UTF_8), "AAAA")) {
            Answer answer = send("GET", "/v1/customers?continuationToken=" + token, agent, null);
            assertThat(answer.status()).as(token).isEqualTo(400);
            assertThat(answer.problemCode()).isEqualTo("continuation_token_invalid");
            assertThat(answer.json().get("errors").toString()).contains("field=continuationToken");
        }
    }

    @Test
    void aRetriedCreateReplaysTheFirstAnswerAndAnotherBodyWithTheSameIdIsAConflict() {
        Map<String, Object> body = customer("Retry Ltd", "retry.example", "TR");
        Answer first = send("POST", "/v1/customers", agent, body, "MS-RequestId", "customers-retry-1");
        Answer retry = send("POST", "/v1/customers", agent, body, "MS-RequestId", "customers-retry-1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");

        Answer reused = send("POST", "/v1/customers", agent, customer("Retry Two Ltd", "retry-two.example", "TR"),
                "MS-RequestId", "customers-retry-1");
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.problemCode()).isEqualTo("idempotency_key_reused");
        assertThat(send("GET", "/v1/customers?q=retry", agent, null).json().get("totalCount")).isEqualTo(1);
    }

    @Test
    void partnerCentersCreateBodyAddsTheCustomerAndItsBillingProfileReadsBack() {
        Answer created = send("POST", "/v1/customers", agent, partnerCenterBody("wingtip-sdk.example"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Map<String, Object> body = created.json();
        assertThat(body.get("companyProfile")).isEqualTo(Map.of("companyName", "Wingtip Toys", "domain", "wingtip-sdk.example"));
        Map<String, Object> address = new HashMap<>(Map.of("country", "US", "region", "Pacific Northwest", "city", "Redmond",
                "state", "WA", "addressLine1", "One Microsoft Way", "addressLine2", "Building 7", "postalCode", "98052",
                "firstName", "Gena", "lastName", "Soto", "phoneNumber", "4255550101"));
        // Partner Center's culture and language written as Microsoft Learn does (en-US, en); email "" is no email.
        assertThat(body.get("billingProfile")).isEqualTo(Map.of("firstName", "Gena", "lastName", "Soto", "culture", "en-US",
                "language", "en", "companyName", "Wingtip Toys", "defaultAddress", address, "country", "US"));

        String id = (String) body.get("id");
        Answer read = send("GET", "/v1/customers/" + id, sales, null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(body);
        Answer listed = send("GET", "/v1/customers?q=wingtip-sdk", sales, null);
        assertThat(items(listed)).singleElement().satisfies(customer -> assertThat(customer).isEqualTo(body));

        Map<String, Object> withEmail = partnerCenterBody("wingtip-sdk-mail.example");
        billing(withEmail).put("email", "gena.soto@wingtip-sdk.example");
        Answer mailed = send("POST", "/v1/customers", agent, withEmail);
        assertThat(mailed.status()).as(mailed.toString()).isEqualTo(201);
        assertThat(billing(mailed.json())).containsEntry("email", "gena.soto@wingtip-sdk.example");
    }

    @Test
    void theShortCountryIsAcceptedBesideTheAddresssAndTwoDifferentCountriesAreRefused() {
        Map<String, Object> both = partnerCenterBody("both-countries.example");
        billing(both).put("country", "us");
        assertThat(send("POST", "/v1/customers", agent, both).status()).isEqualTo(201);

        Map<String, Object> differing = partnerCenterBody("differing-countries.example");
        billing(differing).put("country", "DE");
        assertRefused(differing, 400, "country_mismatch", "billingProfile.country");
        Answer hungarian = send("POST", "/v1/customers", agent, differing, "Accept-Language", "hu");
        assertThat(hungarian.json().get("title")).isEqualTo("Két különböző ország");

        Map<String, Object> unknown = partnerCenterBody("unknown-country.example");
        address(unknown).put("country", "USA");
        assertRefused(unknown, 400, "country_invalid", "billingProfile.defaultAddress.country");
        assertThat(send("GET", "/v1/customers?q=differing-countries", agent, null).json().get("totalCount")).isEqualTo(0);
    }

    @Test
    void aWrongPartOfTheBillingProfileIsRefusedByItsName() {
        Map<String, Object> email = partnerCenterBody("wrong-email.example");
        billing(email).put("email", "gena.soto");
        assertRefused(email, 400, "email_invalid", "billingProfile.email");
        Map<String, Object> culture = partnerCenterBody("wrong-culture.example");
        billing(culture).put("culture", "english");
        assertRefused(culture, 400, "culture_invalid", "billingProfile.culture");
        Map<String, Object> language = partnerCenterBody("wrong-language.example");
        billing(language).put("language", "eng");
        assertRefused(language, 400, "language_invalid", "billingProfile.language");
        Map<String, Object> name = partnerCenterBody("wrong-name.example");
        billing(name).put("lastName", "S".repeat(51));
        assertRefused(name, 400, "name_invalid", "billingProfile.lastName");
        Map<String, Object> line = partnerCenterBody("wrong-line.example");
        address(line).put("addressLine1", "A".repeat(201));
        assertRefused(line, 400, "address_invalid", "billingProfile.defaultAddress.addressLine1");
        Map<String, Object> phone = partnerCenterBody("wrong-phone.example");
        address(phone).put("phoneNumber", "call Gena");
        assertRefused(phone, 400, "phone_number_invalid", "billingProfile.defaultAddress.phoneNumber");
        Answer german = send("POST", "/v1/customers", agent, phone, "Accept-Language", "de");
        assertThat(german.json().get("title")).isEqualTo("Ungültige Telefonnummer");
        assertThat(send("GET", "/v1/customers?q=wrong-", agent, null).json().get("totalCount")).isEqualTo(0);
    }

    @Test
    void theDashboardsFormAddsACustomerWithItsBillingEmailAndAddressAndNamesAWrongField() {
        String session = sessionOf(dashboardSignIn("admin.agent@partner.demo", DEMO_PASSWORD));
        Answer added = dashboardForm(session, "companyName=Alpine+Ski+House&domain=alpineskihouse.example&country=AT"
                + "&email=billing%40alpineskihouse.example&addressLine1=Skiweg+1&addressLine2=&city=Innsbruck&state=Tirol"
                + "&postalCode=6020&phoneNumber=%2B43+512+123456");
        assertThat(added.status()).as(added.toString()).isEqualTo(303);
        String id = added.header("Location").replaceAll("^/ui/customers/([^?]+)\\?done=customer_created$", "$1");
        Map<String, Object> read = send("GET", "/v1/customers/" + id, agent, null).json();
        assertThat(billing(read)).containsEntry("email", "billing@alpineskihouse.example")
                .containsEntry("companyName", "Alpine Ski House").containsEntry("country", "AT");
        assertThat(address(read)).isEqualTo(Map.of("country", "AT", "addressLine1", "Skiweg 1", "city", "Innsbruck",
                "state", "Tirol", "postalCode", "6020", "phoneNumber", "+43 512 123456"));

        Answer plain = dashboardForm(session, "companyName=Plain+Form+Ltd&domain=plain-form.example&country=GB");
        assertThat(plain.status()).as(plain.toString()).isEqualTo(303);

        Answer wrong = dashboardForm(session, "companyName=Wrong+Mail+Ltd&domain=wrong-mail.example&country=GB"
                + "&email=not-an-address");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).containsPattern("<input type=\"email\" id=\"email\"[^>]*aria-invalid=\"true\"")
                .contains("Not an email address.");
        assertThat(send("GET", "/v1/customers?q=wrong-mail", agent, null).json().get("totalCount")).isEqualTo(0);
    }

    /** A new CUSTOMER_GLOBAL_ADMIN of this tenant, signed in. */
    private String customerAdmin(String username, String tenantId) {
        String password = "Tenant-Admin-Passw0rd!";
        Answer created = send("POST", "/v1/users", login(ADMIN, ADMIN_PASSWORD), Map.of("username", username,
                "password", password, "roles", List.of("CUSTOMER_GLOBAL_ADMIN"), "customerTenantId", tenantId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return login(username, password);
    }

    private void assertRefused(Map<String, Object> body, int status, String code, String field) {
        Answer answer = send("POST", "/v1/customers", agent, body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.problemCode()).isEqualTo(code);
        assertThat(answer.json().get("errors").toString()).contains("field=" + field + ",");
    }

    private static Map<String, Object> customer(String name, String domain, String country) {
        return Map.of("companyProfile", Map.of("companyName", name, "domain", domain), "billingProfile", Map.of("country", country));
    }

    /** The dashboard's add-customer form posted by a browser signed in with this session. */
    private Answer dashboardForm(String session, String fields) {
        return send("POST", "/ui/customers", null, fields + "&csrfToken=" + UiCsrf.token(DASHBOARD_CSRF_SEED, session),
                "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html",
                "Cookie", SessionCookie.NAME + "=" + session + "; " + UiCsrf.SEED_COOKIE + "=" + DASHBOARD_CSRF_SEED);
    }

    /**
     * Partner Center's create body as its Java SDK writes a Customer (null fields left out, the
     * resource attributes on each part): the company's name in the billing profile only, culture and
     * language as Microsoft Learn's sample writes them, an empty email.
     */
    private static Map<String, Object> partnerCenterBody(String domain) {
        Map<String, Object> address = new HashMap<>(Map.of("country", "US", "region", "Pacific Northwest", "city", "Redmond",
                "state", "WA", "addressLine1", "One Microsoft Way", "addressLine2", "Building 7", "postalCode", "98052",
                "firstName", "Gena", "lastName", "Soto", "phoneNumber", "4255550101"));
        Map<String, Object> billing = new HashMap<>(Map.of("firstName", "Gena", "lastName", "Soto", "email", "",
                "culture", "EN-US", "language", "En", "companyName", "Wingtip Toys", "defaultAddress", address,
                "attributes", Map.of("objectType", "CustomerBillingProfile")));
        Map<String, Object> company = Map.of("domain", domain, "attributes", Map.of("objectType", "CustomerCompanyProfile"));
        return new HashMap<>(Map.of("companyProfile", company, "billingProfile", billing,
                "attributes", Map.of("objectType", "Customer")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> billing(Map<String, Object> customer) {
        return (Map<String, Object>) customer.get("billingProfile");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> address(Map<String, Object> customer) {
        return (Map<String, Object>) billing(customer).get("defaultAddress");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Answer answer) {
        return (List<Map<String, Object>>) answer.json().get("items");
    }
}
