package com.cspdesk.bootstrap.browser;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Settings › Webhooks in a real Chromium, with a real receiver on 127.0.0.1: an admin agent registers
 * the receiver and sees the signing secret once (it verifies what the receiver then gets), sends a test
 * event, sees it delivered on reload and in the delivery log, opens its attempts and sends it again
 * under the same webhook-id. {@link TurkishWebhookSettingsBrowserTest} walks the same in Turkish.
 */
@MicronautTest(transactional = false)
class WebhookSettingsBrowserTest extends BrowserTest {

    private static final Duration WITHIN_SECONDS = Duration.ofSeconds(15);

    /** What the receiver got: each request's headers (lower-case names) and body. */
    private record Received(Map<String, String> headers, String body) {
    }

    /** Texts this language must show, written out (not read from the bundle): the translation is there. */
    List<String> knownTexts() {
        return List.of("Webhooks", "No webhook registered yet", "Events");
    }

    String t(String key, Object... arguments) {
        return Bundles.translated(browserLanguage(), key, arguments);
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer receiver;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("cspdesk.webhooks.allowed-hosts", "127.0.0.1");
        properties.put("cspdesk.webhooks.delivery.poll-interval", "100ms");
        return properties;
    }

    @BeforeAll
    void startTheReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, String> headers = new HashMap<>();
            for (String name : List.of("webhook-id", "webhook-timestamp", "webhook-signature")) {
                headers.put(name, exchange.getRequestHeaders().getFirst(name));
            }
            received.add(new Received(headers, new String(body, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    void stopTheReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void registerSeeTheSecretOnceSendATestEventAndFollowItInTheLog() {
        signIn(ADMIN_AGENT);
        click("details[data-menu=settings] > summary");
        click("details[data-menu=settings] a[href='/ui/settings/webhooks']");
        wait.until(d -> path().equals("/ui/settings/webhooks"));
        assertThat(text(".empty strong")).isEqualTo(t("webhooks.none"));
        assertThat(Bundles.content(browser)).contains(knownTexts()).contains(t("webhooks.subtitle"), t("webhooks.none.hint"));
        Bundles.assertNoRawKeys(Bundles.content(browser));
        assertAccessible("webhooks, none yet [" + browserLanguage() + "]");

        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
        find("#url").sendKeys(url);
        click("input[data-event='order-created']");
        click("input[data-event='test-created']");
        click("[data-action=register-webhook]");
        String secret = text("[data-field=signing-secret]");
        assertThat(secret).startsWith("whsec_");
        assertThat(text("[data-field=url]")).isEqualTo(url);
        assertThat(text("[data-field=state]")).isEqualTo(t("webhooks.state.enabled"));
        assertThat(Bundles.content(browser)).contains(t("webhooks.secret.title"), t("webhooks.secret.once"));
        assertAccessible("webhooks, the new secret [" + browserLanguage() + "]");
        assertThat(text("[data-field=events]")).isEqualTo("order-created, test-created");

        // Shown once: the page itself, opened again, no longer has it.
        open("/ui/settings/webhooks");
        assertThat(present("[data-field=signing-secret]")).isFalse();
        assertThat(browser.getPageSource()).doesNotContain(secret);
        assertThat(find("input[data-event='test-created']").isSelected()).isTrue();
        assertThat(find("input[data-event='customer-created']").isSelected()).isFalse();

        click("[data-action=send-test]");
        String correlationId = text("[data-field=test-id]");
        assertThat(text(".flash")).isEqualTo(t("flash.webhook_test_sent"));
        assertThat(Bundles.content(browser)).contains(t("webhooks.test.title"), t("webhooks.test.reload"));
        assertThat(browser.getCurrentUrl()).contains("test=" + correlationId);

        // The receiver gets it signed with the secret the page showed.
        wait.withTimeout(WITHIN_SECONDS).until(d -> received.stream().anyMatch(r -> r.body().contains(correlationId)));
        Received test = received.stream().filter(r -> r.body().contains(correlationId)).findFirst().orElseThrow();
        assertThat(test.body()).contains("\"EventName\":\"test-created\"");
        assertThatCode(() -> verify(secret, test)).doesNotThrowAnyException();
        String webhookId = test.headers().get("webhook-id");

        // Reloaded, the page says it arrived, and the log has its row.
        wait.withTimeout(WITHIN_SECONDS).until(d -> {
            browser.navigate().refresh();
            return "delivered".equals(find("[data-field=test-status]").getAttribute("data-status"));
        });
        assertThat(text("[data-field=test-status]")).isEqualTo(t("webhooks.status.delivered"));
        assertThat(Bundles.content(browser)).contains(t("webhooks.log"), t("webhooks.col.lastAttempt"));
        Bundles.assertNoRawKeys(Bundles.content(browser));
        WebElement row = find("tr[data-delivery='" + webhookId + "']");
        assertThat(row.getAttribute("data-event")).isEqualTo("test-created");
        assertThat(row.getAttribute("data-status")).isEqualTo("delivered");
        assertThat(row.getText()).contains("test-created", t("webhooks.status.delivered"), "HTTP 204");
        assertAccessible("webhooks and the delivery log [" + browserLanguage() + "]");
        assertThat(script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth;"))
                .as("no sideways scrolling; too wide: %s", script("var out = []; document.querySelectorAll('body *').forEach(function (e) {"
                        + " var r = e.getBoundingClientRect(); if (r.right > document.documentElement.clientWidth + 1"
                        + " && !(e.parentElement && e.parentElement.getBoundingClientRect().right > document.documentElement.clientWidth + 1))"
                        + " { out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.right)); } }); return out.join(', ');"))
                .isEqualTo(true);
        if (browserLanguage().equals("en")) {
            screenshot("16-webhooks-settings");
        }

        row.findElement(By.cssSelector("[data-action=delivery-details]")).click();
        wait.until(d -> path().equals("/ui/settings/webhooks/deliveries/" + webhookId));
        assertThat(text("[data-field=delivery-id]")).isEqualTo(webhookId);
        assertThat(text("tr[data-attempt='1']")).contains("HTTP 204");
        assertThat(Bundles.content(browser)).contains(t("webhooks.delivery.title"), t("webhooks.attempt.response"), t("webhooks.redeliver"));
        Bundles.assertNoRawKeys(Bundles.content(browser));
        assertAccessible("a webhook delivery [" + browserLanguage() + "]");
        assertThat(present("tr[data-attempt='2']")).isFalse();

        click("[data-action=redeliver]");
        assertThat(text(".flash")).isEqualTo(t("flash.webhook_redelivered"));
        wait.withTimeout(WITHIN_SECONDS).until(d -> received.stream().filter(r -> webhookId.equals(r.headers().get("webhook-id"))).count() == 2);
        wait.withTimeout(WITHIN_SECONDS).until(d -> {
            browser.navigate().refresh();
            return present("tr[data-attempt='2']") && "delivered".equals(find("[data-field=status]").getAttribute("data-status"));
        });
        assertThat(text("tr[data-attempt='2']")).contains("HTTP 204");

        // On a phone the log's rows are cards, and nothing scrolls sideways.
        phone();
        try {
            open("/ui/settings/webhooks");
            assertThat(find("tr[data-delivery='" + webhookId + "']").getText()).contains("test-created", t("webhooks.status.delivered"));
            assertThat(script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth;")).isEqualTo(true);
            if (browserLanguage().equals("en")) {
                screenshot("17-webhooks-phone");
            }
        } finally {
            laptop();
        }
    }

    private static void verify(String secret, Received received) throws Exception {
        Map<String, List<String>> headers = new HashMap<>();
        received.headers().forEach((name, value) -> headers.put(name, List.of(value)));
        new Webhook(secret).verify(received.body(), headers);
    }
}
