package com.cspdesk.bootstrap.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Support requests that end (issue #16 item 4) in a real Chromium: the partner's agent writes a note on its
 * refund request; support staff find it in the Support queue (by status), take it, answer, are refused an
 * amount the order cannot take and resolve it with an approved amount; the partner reads the resolution and
 * both sides' notes, newest last. Each side sees only its own controls and its own navigation entry; the
 * queue in German. {@link SwedishServiceRequestLifecycleBrowserTest} follows the same request in Swedish.
 */
@MicronautTest(transactional = false)
class ServiceRequestLifecycleBrowserTest extends BrowserTest {

    static final String SUPPORT_STAFF = "support.staff@partner.demo";

    /** Texts this language must show, written out (not read from the bundle): the translation is there. */
    List<String> knownTexts() {
        return List.of("Support requests", "Notes", "Add note");
    }

    /** How the pages write the approved ten euros. */
    String tenWritten() {
        return "10.00";
    }

    String t(String key, Object... arguments) {
        return Bundles.translated(browserLanguage(), key, arguments);
    }

    @Test
    void thePartnerAndSupportFollowARefundRequestUpToItsResolution() {
        String agentToken = apiLogin(ADMIN_AGENT);
        String orderId = buy(agentToken, CONTOSO, "DE", WINDOWS_SERVER_2022_STANDARD, 1);
        String requestId = file(agentToken, orderId);

        // The partner's agent: its request, a note, only "Close" among the moves, no resolution, no queue.
        signIn(ADMIN_AGENT);
        assertThat(present("nav.mainnav a[href='/ui/support/queue']")).isFalse();
        click("nav.mainnav a[href='/ui/support']");
        wait.until(d -> path().equals("/ui/support"));
        assertThat(text("h1")).isEqualTo(t("support.title"));
        assertThat(Bundles.content(browser)).contains("Refund of a wrong edition", t("support.status.open"));
        Bundles.assertNoRawKeys(Bundles.content(browser));
        assertAccessible("support requests [" + browserLanguage() + "]");
        open("/ui/support/" + requestId);
        assertThat(text("[data-status]")).isEqualTo(t("support.status.open"));
        assertThat(Bundles.content(browser)).contains(knownTexts()).contains(t("support.note.submit"), t("support.move.closed"));
        Bundles.assertNoRawKeys(Bundles.content(browser));
        assertAccessible("a support request, the partner's side [" + browserLanguage() + "]");
        assertThat(all("[data-move]")).extracting(button -> button.getAttribute("data-move")).containsExactly("closed");
        assertThat(present("[data-form=resolve]")).isFalse();
        find("#note-text").sendKeys("The customer bought the wrong edition; please refund.");
        click("[data-action=add-note]");
        wait.until(d -> d.getCurrentUrl().contains("done="));
        assertThat(text(".flash")).isEqualTo(t("flash.support_note_added"));
        assertThat(text("[data-notes] li[data-side=partner]")).contains("admin.agent@partner.demo",
                Bundles.text(browserLanguage(), "support.note.side.partner"),
                "The customer bought the wrong edition; please refund.");
        signOut();

        // Support staff: the queue by status, take the request, answer, resolve.
        signIn(SUPPORT_STAFF);
        assertThat(present("nav.mainnav a[href='/ui/support']")).isFalse();
        click("nav.mainnav a[href='/ui/support/queue']");
        select("#queue-status", "open");
        click("[data-action=filter]");
        wait.until(d -> d.getCurrentUrl().contains("status=open"));
        assertThat(text("h1")).isEqualTo(t("support.queue.title"));
        Bundles.assertNoRawKeys(Bundles.content(browser));
        assertAccessible("the support queue [" + browserLanguage() + "]");
        find("tr[data-request='" + requestId + "'] a").click();
        wait.until(d -> path().equals("/ui/support/" + requestId));
        assertThat(all("[data-move]")).extracting(button -> button.getAttribute("data-move"))
                .containsExactly("in_progress", "attention_needed", "closed");
        click("[data-move=in_progress]");
        wait.until(d -> d.getCurrentUrl().contains("done="));
        assertThat(text(".flash")).isEqualTo(t("flash.support_updated"));
        assertThat(text("[data-status]")).isEqualTo(t("support.status.in_progress"));
        assertThat(Bundles.content(browser)).contains(t("support.resolve"), t("support.resolution.reasonHint"));
        Bundles.assertNoRawKeys(Bundles.content(browser));
        assertAccessible("a support request, support's side [" + browserLanguage() + "]");
        find("#note-text").sendKeys("Checked with the distributor: a refund of 10.00 is approved.");
        click("[data-action=add-note]");
        wait.until(d -> d.getCurrentUrl().contains("done=support_note_added"));

        WebElement amount = find("#approved-amount");
        amount.clear();
        amount.sendKeys("999999.00");
        click("[data-action=resolve]");
        assertAccessible("a support request, a refused resolution [" + browserLanguage() + "]");
        assertThat(text("[data-follow-up-error]")).isEqualTo(Bundles.text(browserLanguage(), "problem.approved_amount_exceeds_creditable.detail"));
        amount = find("#approved-amount");
        amount.clear();
        amount.sendKeys("10,00");
        click("[data-action=resolve]");
        wait.until(d -> d.getCurrentUrl().contains("done=support_resolved"));
        assertThat(text(".flash")).isEqualTo(t("flash.support_resolved"));
        assertThat(text("[data-status]")).isEqualTo(t("support.status.resolved"));
        assertThat(text("[data-outcome]")).isEqualTo(t("support.resolution.approved"));
        assertThat(text("[data-refund-credited]")).contains(tenWritten());
        assertThat(Bundles.content(browser)).contains(t("support.refundCredited"), t("support.resolution.by"));
        assertThat(present("[data-form=resolve]")).isFalse();
        if (browserLanguage().equals("en")) {
            screenshot("support-request-resolved");
        }
        signOut();

        // The partner reads the resolution and both sides' notes, newest last.
        signIn(ADMIN_AGENT);
        open("/ui/support/" + requestId);
        assertThat(text("[data-outcome]")).isEqualTo(t("support.resolution.approved"));
        assertThat(text("[data-approved-amount]")).contains(tenWritten());
        Bundles.assertNoRawKeys(Bundles.content(browser));
        assertAccessible("a resolved support request [" + browserLanguage() + "]");
        assertThat(all("[data-notes] li")).extracting(note -> note.getAttribute("data-side"))
                .containsExactly("partner", "support");
        assertThat(all("[data-move]")).extracting(button -> button.getAttribute("data-move")).containsExactly("open", "closed");
        signOut();
    }

    @Test
    void theQueueSpeaksTheReadersLanguage() {
        signIn(SUPPORT_STAFF);
        open("/ui/support/queue");
        click("details[data-menu=language] > summary");
        click("details[data-menu=language] a[data-lang=de]");
        wait.until(d -> "de".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(text("h1")).isEqualTo("Support-Warteschlange");
        assertThat(new org.openqa.selenium.support.ui.Select(find("#queue-status")).getOptions())
                .extracting(WebElement::getText).contains("Alle", "Offen", "In Bearbeitung", "Rückfrage", "Gelöst", "Geschlossen");
        click("details[data-menu=language] > summary");
        click("details[data-menu=language] a[data-lang=" + browserLanguage() + "]");
        wait.until(d -> browserLanguage().equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        signOut();
    }

    private String file(String token, String orderId) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("customerTenantIdOrDomain", CONTOSO);
        description.put("orderId", orderId);
        description.put("refundReason", "Wrong edition bought.");
        description.put("amountRequested", Map.of("amount", "10.00", "currency", "EUR"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("category", "csp_purchase_refund");
        body.put("impact", "moderate");
        body.put("title", "Refund of a wrong edition");
        body.put("description", description);
        body.put("contact", Map.of("name", "Bea Admin", "email", "bea@partner.example", "phone", "+49 30 1234567"));
        Api filed = api("POST", "/v1/servicerequests", token, body, "MS-RequestId", UUID.randomUUID().toString());
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return (String) filed.json().get("id");
    }
}
