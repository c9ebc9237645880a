package com.cspdesk.bootstrap.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Support requests that end (issue #16 item 4) in a real Chromium: the partner's agent writes a note on its
 * refund request; support staff find it in the Support queue (by status), take it, answer, are refused an
 * amount the order cannot take and resolve it with an approved amount; the partner reads the resolution and
 * both sides' notes, newest last. Each side sees only its own controls and its own navigation entry; the
 * queue in German.
 */
@MicronautTest(transactional = false)
class ServiceRequestLifecycleBrowserTest extends BrowserTest {

    static final String SUPPORT_STAFF = "support.staff@partner.demo";

    @Test
    void thePartnerAndSupportFollowARefundRequestUpToItsResolution() {
        String agentToken = apiLogin(ADMIN_AGENT);
        String orderId = buy(agentToken, CONTOSO, "DE", WINDOWS_SERVER_2022_STANDARD, 1);
        String requestId = file(agentToken, orderId);

        // The partner's agent: its request, a note, only "Close" among the moves, no resolution, no queue.
        signIn(ADMIN_AGENT);
        assertThat(present("nav.mainnav a[href='/ui/support/queue']")).isFalse();
        open("/ui/support/" + requestId);
        assertThat(text("[data-status]")).isEqualTo("Open");
        assertThat(all("[data-move]")).extracting(button -> button.getAttribute("data-move")).containsExactly("closed");
        assertThat(present("[data-form=resolve]")).isFalse();
        find("#note-text").sendKeys("The customer bought the wrong edition; please refund.");
        click("[data-action=add-note]");
        wait.until(d -> d.getCurrentUrl().contains("done="));
        assertThat(text(".flash")).isEqualTo("The note was added.");
        assertThat(text("[data-notes] li[data-side=partner]")).contains("admin.agent@partner.demo", "Partner",
                "The customer bought the wrong edition; please refund.");
        signOut();

        // Support staff: the queue by status, take the request, answer, resolve.
        signIn(SUPPORT_STAFF);
        assertThat(present("nav.mainnav a[href='/ui/support']")).isFalse();
        click("nav.mainnav a[href='/ui/support/queue']");
        select("#queue-status", "open");
        click("[data-action=filter]");
        wait.until(d -> d.getCurrentUrl().contains("status=open"));
        find("tr[data-request='" + requestId + "'] a").click();
        wait.until(d -> path().equals("/ui/support/" + requestId));
        assertThat(all("[data-move]")).extracting(button -> button.getAttribute("data-move"))
                .containsExactly("in_progress", "attention_needed", "closed");
        click("[data-move=in_progress]");
        wait.until(d -> d.getCurrentUrl().contains("done="));
        assertThat(text(".flash")).isEqualTo("The support request was updated.");
        assertThat(text("[data-status]")).isEqualTo("In progress");
        find("#note-text").sendKeys("Checked with the distributor: a refund of 10.00 is approved.");
        click("[data-action=add-note]");
        wait.until(d -> d.getCurrentUrl().contains("done=support_note_added"));

        WebElement amount = find("#approved-amount");
        amount.clear();
        amount.sendKeys("999999.00");
        click("[data-action=resolve]");
        assertThat(text("[data-follow-up-error]")).contains("more than the order can still be credited");
        amount = find("#approved-amount");
        amount.clear();
        amount.sendKeys("10,00");
        click("[data-action=resolve]");
        wait.until(d -> d.getCurrentUrl().contains("done=support_resolved"));
        assertThat(text(".flash")).isEqualTo("The support request was resolved.");
        assertThat(text("[data-status]")).isEqualTo("Resolved");
        assertThat(text("[data-outcome]")).isEqualTo("Approved");
        assertThat(text("[data-refund-credited]")).contains("10.00");
        assertThat(present("[data-form=resolve]")).isFalse();
        screenshot("support-request-resolved");
        signOut();

        // The partner reads the resolution and both sides' notes, newest last.
        signIn(ADMIN_AGENT);
        open("/ui/support/" + requestId);
        assertThat(text("[data-outcome]")).isEqualTo("Approved");
        assertThat(text("[data-approved-amount]")).contains("10.00");
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
        click("details[data-menu=language] a[data-lang=en]");
        wait.until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
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
