package com.cspdesk.bootstrap.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * #17 item 8: every page of the dashboard, for each kind of reader, passes axe-core's WCAG 2.1 A and AA
 * rules — in English and in Turkish (the language with the longest words in the menus and the dotted İ),
 * on a laptop and on a phone, with real data on it (orders, a cancellation, an invoice, a support request).
 * The flows' own browser tests check their pages with dialogs open; this one makes sure no page is left out.
 */
@MicronautTest(transactional = false)
class AccessibilityBrowserTest extends BrowserTest {

    private static final String SUPPORT_STAFF = "support.staff@partner.demo";

    private String order;
    private String serviceRequest;

    @BeforeAll
    void aCustomerWithHistory() {
        String agent = apiLogin(ADMIN_AGENT);
        order = buy(agent, CONTOSO, "DE", WINDOWS_SERVER_2022_STANDARD, 2);
        buy(agent, CONTOSO, "DE", SQL_SERVER_2022_STANDARD, 1);
        java.util.Map<String, Object> description = new java.util.LinkedHashMap<>();
        description.put("customerTenantIdOrDomain", CONTOSO);
        description.put("orderId", order);
        description.put("refundReason", "Wrong edition bought.");
        description.put("amountRequested", java.util.Map.of("amount", "10.00", "currency", "EUR"));
        Api request = api("POST", "/v1/servicerequests", agent, java.util.Map.of("category", "csp_purchase_refund",
                "impact", "moderate", "title", "Refund of a wrong edition", "description", description,
                "contact", java.util.Map.of("name", "Bea Admin", "email", "bea@partner.example", "phone", "+49 30 1234567")),
                "MS-RequestId", java.util.UUID.randomUUID().toString());
        assertThat(request.status()).as(request.body()).isEqualTo(201);
        serviceRequest = (String) request.json().get("id");
    }

    /** The check itself finds what it should: an image without a text and a field without a label fail it. */
    @Test
    void axeFindsAViolationWhenThereIsOne() {
        open("/ui/login");
        assertThat(axeViolations()).isEmpty();
        script("var i = document.createElement('img'); i.src = '/assets/favicon.svg'; document.querySelector('main').appendChild(i);"
                + "var f = document.createElement('input'); f.type = 'text'; document.querySelector('main').appendChild(f);");
        assertThat(axeViolations()).extracting(v -> v.get("id")).contains("image-alt", "label");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "tr"})
    void everyPageAnAdminAgentSeesPassesAxe(String language) {
        signIn(ADMIN_AGENT);
        open("/ui/language/" + language + "?next=/ui/customers");
        wait.until(d -> path().equals("/ui/customers"));
        List<String> pages = List.of("/ui/customers", "/ui/customers/new", "/ui/customers/" + CONTOSO,
                "/ui/customers/" + CONTOSO + "/orders", "/ui/customers/" + CONTOSO + "/orders/" + order,
                "/ui/customers/" + CONTOSO + "/products", "/ui/customers/" + CONTOSO + "/products/" + WINDOWS_SERVER_2022_STANDARD,
                "/ui/customers/" + CONTOSO + "/subscriptions",
                "/ui/all/orders", "/ui/all/software", "/ui/all/subscriptions", "/ui/all/pricesheet",
                "/ui/invoices", "/ui/support", "/ui/support/new", "/ui/support/" + serviceRequest,
                "/ui/settings/webhooks", "/ui/security");
        for (String page : pages) {
            open(page);
            assertThat(present("main#main")).as(page).isTrue();
            assertThat(present("main > .card.empty[role=alert]")).as("%s is the page, not an error page", page).isFalse();
            assertAccessible(page + " [" + language + "]");
        }
        phone();
        try {
            for (String page : List.of("/ui/customers", "/ui/customers/" + CONTOSO, "/ui/all/orders")) {
                open(page);
                assertAccessible(page + " on a phone [" + language + "]");
            }
        } finally {
            laptop();
        }
        signOut();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de"})
    void theSignInPageAndThePagesOfTheOtherRolesPassAxe(String language) {
        open("/ui/language/" + language + "?next=/ui/login");
        wait.until(d -> path().equals("/ui/login"));
        assertAccessible("/ui/login [" + language + "]");
        sweep(CUSTOMER_ADMIN, language, List.of("/ui/billing/products/software", "/ui/security"));
        sweep(ACCOUNT_ADMIN, language, List.of("/ui/invoices", "/ui/invoices/billing", "/ui/settings/activity"));
        sweep(GLOBAL_ADMIN, language, List.of("/ui/settings/activity", "/ui/settings/applications", "/ui/settings/webhooks"));
        sweep(SUPPORT_STAFF, language, List.of("/ui/support/queue", "/ui/support/" + serviceRequest));
    }

    private void sweep(String user, String language, List<String> pages) {
        signIn(user);
        for (String page : pages) {
            open(page);
            assertThat(present("main > .card.empty[role=alert]")).as("%s is the page for %s, not an error page", page, user).isFalse();
            assertAccessible(page + " as " + user + " [" + language + "]");
        }
        signOut();
    }
}
