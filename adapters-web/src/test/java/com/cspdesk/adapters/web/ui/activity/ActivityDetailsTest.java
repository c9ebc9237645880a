package com.cspdesk.adapters.web.ui.activity;

import com.cspdesk.adapters.web.ui.activity.ActivityDetails.Detail;
import com.cspdesk.adapters.web.ui.shared.Formats;
import com.cspdesk.adapters.web.ui.shared.Viewer;
import com.cspdesk.application.activity.port.in.ActivityRecordView;
import com.cspdesk.domain.identity.Role;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue #17 item 1: each kind of record's details labelled, formatted and linked in the reader's language, no secret shown. */
class ActivityDetailsTest {

    private static final Instant WHEN = Instant.parse("2026-11-21T16:05:00Z");
    private static final String TENANT = "7f1c2a3b-0000-4000-8000-000000000001";
    private static final String ORDER = "0b6f3c1e-1111-4111-8111-000000000002";
    private static final Viewer GLOBAL_ADMIN = new Viewer("global.admin@partner.demo", Set.of(Role.GLOBAL_ADMIN), Optional.empty());
    private static final Viewer ACCOUNT_ADMIN = new Viewer("account.admin@partner.demo", Set.of(Role.ACCOUNT_ADMIN), Optional.empty());
    /** The six languages of the dashboard. */
    private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.forLanguageTag("hu"),
            Locale.forLanguageTag("pl"), Locale.forLanguageTag("sv"), Locale.forLanguageTag("tr"));

    /** Every key the application records in customizedData (grep the services' data.put), besides those never shown. */
    private static final List<String> RECORDED_KEYS = List.of("orderId", "customerTenantId", "customerTenantIdBefore",
            "customerTenantIdAfter", "lineItems", "lineItemNumber", "offerIds", "totalGross", "creditGross", "chargeGross", "net",
            "tax", "gross", "amountRequested", "approvedAmount", "reason", "explanation", "serviceRequestId", "subscriptionId",
            "oldSubscriptionId", "newSubscriptionId", "oldScope", "newScope", "oldResourceGroup", "newResourceGroup", "termNumber",
            "termStart", "termEnd", "autoRenewEnabled", "productName", "version", "language", "bitness", "expiresAt", "fileName",
            "bytes", "range", "category", "status", "statusFrom", "side", "noteAdded", "outcome", "attachmentId", "size", "roles",
            "rolesBefore", "rolesAfter", "password", "name", "applicationId", "from", "to", "billingMonth", "domain", "country",
            "webhookOrigin", "webhookEvents", "webhookId", "failingSince", "scope", "failures", "backOff", "detail", "factor");

    @Test
    void everyRecordedKeyHasALabelInEachLanguage() {
        for (Locale locale : LANGUAGES) {
            ResourceBundle bundle = bundle(locale);
            for (String key : RECORDED_KEYS) {
                assertThat(bundle.containsKey("activity.detail." + key)).as(locale + " " + key).isTrue();
            }
            assertThat(bundle.containsKey("activity.detail.lineCount")).isTrue();
            assertThat(bundle.containsKey("activity.detail.invoiceRun")).isTrue();
        }
    }

    @Test
    void anOrderShowsItsLinesItsTotalInItsCurrencyAndLeadsToTheOrder() {
        Map<String, String> data = data("lineItems", "2", "offerIds", "DG7GMGF0D7FV:0001,CFQ7TTC0LH18:0001", "totalGross", "1787.37",
                "currency", "EUR", "clientAddress", "192.0.2.10");
        List<Detail> shown = details(Locale.GERMAN, GLOBAL_ADMIN).of(record("create_order", "order", ORDER, data));

        assertThat(shown).extracting(Detail::key).containsExactly("orderId", "lineItems", "offerIds", "totalGross");
        assertThat(shown.get(0)).isEqualTo(new Detail("orderId", "Bestellung", ORDER,
                "/ui/customers/" + TENANT + "/orders/" + ORDER));
        assertThat(shown.get(1).label()).isEqualTo("Anzahl der Positionen");
        assertThat(shown.get(1).value()).isEqualTo("2");
        assertThat(shown.get(2).value()).isEqualTo("DG7GMGF0D7FV:0001, CFQ7TTC0LH18:0001");
        assertThat(shown.get(3).label()).isEqualTo("Gesamtbetrag");
        assertThat(shown.get(3).value()).isEqualTo(new Formats(Locale.GERMAN).amount(new java.math.BigDecimal("1787.37"),
                java.util.Currency.getInstance("EUR")));
        assertThat(shown.get(3).value()).contains("1.787,37").contains("€");
    }

    @Test
    void aCancellationNamesItsOrderTheLinesAndTheCreditOlderRecordsTheirResource() {
        Map<String, String> recorded = data("orderId", ORDER, "lineItems", "1,2", "creditGross", "488746.80", "currency", "HUF");
        List<Detail> shown = details(Locale.ENGLISH, GLOBAL_ADMIN).of(record("cancel_order", "order", ORDER, recorded));
        assertThat(shown).extracting(Detail::label).containsExactly("Order", "Lines", "Credit");
        assertThat(shown.get(0).href()).isEqualTo("/ui/customers/" + TENANT + "/orders/" + ORDER);
        assertThat(shown.get(1).value()).isEqualTo("1, 2");
        assertThat(shown.get(2).value()).contains("488,746.80").doesNotContain("488746.80");

        // Recorded before #17: no orderId among the data; the record's resource is the order.
        List<Detail> older = details(Locale.ENGLISH, GLOBAL_ADMIN).of(record("cancel_order", "order", ORDER,
                data("lineItems", "1", "creditGross", "10.00", "currency", "EUR")));
        assertThat(older.get(0)).isEqualTo(new Detail("orderId", "Order", ORDER, "/ui/customers/" + TENANT + "/orders/" + ORDER));
    }

    @Test
    void aCreditShowsNetTaxAndGrossAndItsReasonTranslated() {
        Map<String, String> data = data("orderId", ORDER, "lineItemNumber", "1", "reason", "goodwill", "net", "100.00", "tax", "27.00",
                "gross", "127.00", "currency", "EUR");
        List<Detail> shown = details(Locale.forLanguageTag("tr"), GLOBAL_ADMIN).of(record("issue_credit", "credit", "c-1", data));
        assertThat(shown).extracting(Detail::label).containsExactly("Sipariş", "Satır", "Neden", "Net", "Vergi", "Brüt");
        assertThat(shown.get(2).value()).isEqualTo("İyi niyet");
        assertThat(shown.get(5).value()).contains("127,00");
        assertThat(shown.get(0).href()).endsWith("/orders/" + ORDER);
    }

    @Test
    void aKeyAccessShowsTheSoftwareTheReadersWay() {
        Map<String, String> data = data("productName", "Windows Server 2022", "orderId", ORDER, "version", "2022",
                "language", "de-DE", "bitness", "x64");
        List<Detail> shown = details(Locale.GERMAN, GLOBAL_ADMIN).of(record("get_software_key", "software_key", "e-1", data));
        assertThat(shown).extracting(Detail::label).containsExactly("Produkt", "Bestellung", "Version", "Sprache", "Architektur");
        assertThat(shown.get(3).value()).isEqualTo("Deutsch (Deutschland)");
        assertThat(shown.get(4).value()).isEqualTo("64 Bit");
    }

    /** A link id is what a link is made from; the record says which file, version and language instead. */
    @Test
    void aDownloadLinkAndADownloadNeverShowTheLinkId() {
        Map<String, String> link = data("productName", "Office LTSC", "orderId", ORDER, "version", "2024", "language", "en-US",
                "bitness", "x64", "expiresAt", WHEN.toString(), "linkId", "l-8c1f2e");
        List<Detail> made = details(Locale.ENGLISH, GLOBAL_ADMIN).of(record("get_software_download_link", "software_download_link",
                "e-1", link));
        assertThat(made).extracting(Detail::key).doesNotContain("linkId");
        assertThat(made).extracting(Detail::value).noneMatch(v -> v.contains("l-8c1f2e"));
        assertThat(made).filteredOn(d -> d.key().equals("expiresAt")).extracting(Detail::value)
                .containsExactly(new Formats(Locale.ENGLISH).dateTime(WHEN));

        Map<String, String> sent = data("productName", "Office LTSC", "orderId", ORDER, "version", "2024", "language", "en-US",
                "bitness", "x64", "bytes", "1048576", "fileName", "office.iso", "linkId", "l-8c1f2e", "range", "0-1048575/2097152");
        List<Detail> downloaded = details(Locale.GERMAN, GLOBAL_ADMIN).of(record("download_software", "software_download", "e-1", sent));
        assertThat(downloaded).extracting(Detail::key).doesNotContain("linkId");
        assertThat(downloaded).filteredOn(d -> d.key().equals("bytes")).extracting(Detail::value).containsExactly("1.048.576 Byte");
        assertThat(downloaded).filteredOn(d -> d.key().equals("fileName")).extracting(Detail::value).containsExactly("office.iso");
    }

    @Test
    void anApplicationSecretIsNamedNeverHinted() {
        List<Detail> shown = details(Locale.ENGLISH, GLOBAL_ADMIN).of(record("add_application_credential", "application_credential",
                "cred-1", data("applicationId", "app-1", "hint", "Xk9", "clientAddress", "192.0.2.10")));
        assertThat(shown).containsExactly(new Detail("applicationId", "Application", "app-1", null));
    }

    /** A detail added later whose name reads like a credential stays out until it is given a label and a reason. */
    @Test
    void nothingThatReadsLikeACredentialIsShown() {
        Map<String, String> data = data("downloadUri", "https://desk.example/downloads/abc.def", "token", "abc.def",
                "productKey", "XXXXX-XXXXX-XXXXX-XXXXX-XXXXX", "signingSecret", "whsec_1", "password", "hunter2",
                "apiKey", "k-1", "version", "2022");
        List<Detail> shown = details(Locale.ENGLISH, GLOBAL_ADMIN).of(record("get_software_key", "software_key", "e-1", data));
        assertThat(shown).extracting(Detail::key).containsExactly("version");
        // The one password detail shown names the act, not a password.
        assertThat(details(Locale.ENGLISH, GLOBAL_ADMIN).of(record("update_partner_user", "user", "u-1",
                data("password", "reset")))).containsExactly(new Detail("password", "Password", "Reset", null));
    }

    @Test
    void aUserChangeShowsRolesAndTheCustomerTheReadersWay() {
        Map<String, String> data = data("rolesBefore", "ADMIN_AGENT", "rolesAfter", "ADMIN_AGENT,GLOBAL_ADMIN",
                "customerTenantIdBefore", "", "customerTenantIdAfter", TENANT, "password", "reset");
        List<Detail> shown = details(Locale.GERMAN, GLOBAL_ADMIN).of(record("update_partner_user", "user", "u-1", data));
        assertThat(shown).extracting(Detail::key).containsExactly("rolesBefore", "rolesAfter", "customerTenantIdAfter", "password");
        assertThat(shown.get(1).value()).isEqualTo(bundle(Locale.GERMAN).getString("role.ADMIN_AGENT") + ", Globaler Administrator");
        assertThat(shown.get(2).href()).isEqualTo("/ui/customers/" + TENANT);
        assertThat(shown.get(3).value()).isEqualTo("Zurückgesetzt");
    }

    @Test
    void aLockOutSaysForWhatHowOftenAndHowLong() {
        List<Detail> shown = details(Locale.ENGLISH, GLOBAL_ADMIN).of(record("sign_in_locked_out", "user", "who",
                data("scope", "address", "failures", "10", "backOff", "PT15M")));
        assertThat(shown).extracting(Detail::value).containsExactly("the address", "10", "15 min");
    }

    @Test
    void anInvoiceRunLeadsToItsInvoicesAndASubscriptionChangeSaysYesOrNo() {
        List<Detail> run = details(Locale.ENGLISH, GLOBAL_ADMIN).of(record("ready_invoice", "invoice_run", "run-1",
                data("billingMonth", "2026-10")));
        assertThat(run).containsExactly(new Detail("invoiceRun", "Invoices", "Open the invoice run", "/ui/invoices/runs/run-1"),
                new Detail("billingMonth", "Billing month", "October 2026", null));
        List<Detail> renewal = details(Locale.forLanguageTag("sv"), GLOBAL_ADMIN).of(record("update_subscription", "subscription",
                "s-1", data("orderId", ORDER, "lineItemNumber", "1", "autoRenewEnabled", "false")));
        assertThat(renewal).extracting(Detail::value).containsExactly(ORDER, "1", "Nej");
    }

    @Test
    void aSupportRequestsStatusIsTranslatedAndLeadsToTheRequestForWhoMayOpenIt() {
        List<Detail> shown = details(Locale.ENGLISH, GLOBAL_ADMIN).of(record("update_service_request", "service_request", "sr-1",
                data("side", "support", "statusFrom", "open", "status", "in_progress", "noteAdded", "true")));
        assertThat(shown).extracting(Detail::value).containsExactly("sr-1", "Support", "Open", "In progress", "Yes");
        assertThat(shown.get(0).href()).isEqualTo("/ui/support/sr-1");
        // An account admin reads the log but not support requests: the request is named, not linked.
        assertThat(details(Locale.ENGLISH, ACCOUNT_ADMIN).of(record("update_service_request", "service_request", "sr-1",
                data("status", "resolved"))).get(0).href()).isNull();
        assertThat(details(Locale.ENGLISH, GLOBAL_ADMIN).of(record("create_service_request", "service_request", "sr-1",
                data("category", "csp_purchase_refund", "orderId", ORDER, "amountRequested", "12.50 EUR"))))
                .extracting(Detail::value).containsExactly("sr-1", "CSP Purchase/Refund on behalf of customers", ORDER, "€12.50");
    }

    /** An account admin reads the log but not customers or orders: they are named, not linked. */
    @Test
    void aReaderWhoMayNotOpenOrdersOrCustomersGetsNoLinks() {
        ActivityRecordView cancellation = record("cancel_order", "order", ORDER, data("orderId", ORDER, "creditGross", "1.00",
                "currency", "EUR"));
        ActivityDetails forAccountAdmin = details(Locale.ENGLISH, ACCOUNT_ADMIN);
        assertThat(forAccountAdmin.of(cancellation)).extracting(Detail::href).containsOnlyNulls();
        assertThat(forAccountAdmin.customerHref(cancellation)).isNull();
        assertThat(details(Locale.ENGLISH, GLOBAL_ADMIN).customerHref(cancellation)).isEqualTo("/ui/customers/" + TENANT);
    }

    @Test
    void aValueOfAnUnexpectedShapeIsShownAsStored() {
        List<Detail> shown = details(Locale.forLanguageTag("hu"), GLOBAL_ADMIN).of(record("issue_credit", "credit", "c-1",
                data("gross", "12,5", "currency", "HUF", "termEnd", "soon", "failures", "many")));
        assertThat(shown).extracting(Detail::value).containsExactly("12,5", "soon", "many");
    }

    private static ActivityDetails details(Locale locale, Viewer viewer) {
        ResourceBundle bundle = bundle(locale);
        return new ActivityDetails(new Formats(locale), key -> {
            try {
                return Optional.of(bundle.getString(key));
            } catch (MissingResourceException none) {
                return Optional.empty();
            }
        }, viewer);
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("i18n.ui", locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static ActivityRecordView record(String kind, String resourceKind, String resourceId, Map<String, String> data) {
        return new ActivityRecordView("r-1", WHEN, "pc", kind, "succeeded", "admin.agent@partner.demo", null, TENANT, "Contoso",
                "pc", resourceKind, resourceId, data);
    }

    private static Map<String, String> data(String... keysAndValues) {
        Map<String, String> data = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            data.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return data;
    }
}
