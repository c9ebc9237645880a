package com.cspdesk.adapters.web.webhooks;

import com.cspdesk.adapters.web.security.OpenSessions;
import com.cspdesk.adapters.web.ui.shared.UiCsrf;
import com.cspdesk.application.webhooks.port.in.WebhookRegistrationView;
import com.cspdesk.domain.webhooks.DeliveryStatus;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.cspdesk.adapters.web.webhooks.StubWebhooks.answered;
import static com.cspdesk.adapters.web.webhooks.StubWebhooks.delivery;
import static com.cspdesk.adapters.web.webhooks.StubWebhooks.unanswered;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's Settings › Webhooks page over real routes, the use cases stubbed ({@link StubWebhooks}):
 * register (the secret on that answer only, {@code no-store}), the refusals on the form, change, delete,
 * a new secret, a test event (its correlation id and status on the page it leads to), the delivery log
 * (filter, pages) and a delivery's attempts with "Redeliver"; CSRF and the roles refuse what they must.
 */
class WebhookSettingsPageTest {

    private static final String PAGE = "/ui/settings/webhooks";
    private static final String SEED = "webhook-page-test-csrf-seed-0123456789abcdefgh";
    private static EmbeddedServer server;
    private static StubWebhooks webhooks;
    private static String agent;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = StubWebhooks.webLayer();
        webhooks = server.getApplicationContext().getBean(StubWebhooks.class);
        agent = token("agent@partner.test", "ADMIN_AGENT");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void reset() {
        webhooks.reset();
    }

    private static String token(String username, String role) {
        return OpenSessions.token(server.getApplicationContext(), username, List.of(role));
    }

    @Test
    void registeringShowsTheSecretOnThatAnswerOnlyAndTheMenuLinksThePage() throws Exception {
        HttpResponse<String> empty = get(PAGE, agent);
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("No webhook registered yet", "action=\"/ui/settings/webhooks\"",
                "data-event=\"customer-created\"", "data-event=\"order-created\"", "data-event=\"test-created\"",
                "href=\"/ui/settings/webhooks\"").doesNotContain("id=\"deliveries\"");

        HttpResponse<String> registered = post(PAGE, agent, "url", "https://hooks.partner.example/in",
                "events", "order-created", "events", "test-created");
        assertThat(registered.statusCode()).isEqualTo(201);
        assertThat(registered.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(field(registered.body(), "signing-secret")).isEqualTo(StubWebhooks.SECRET);
        assertThat(webhooks.registration.events()).containsExactly("order-created", "test-created");
        assertThat(webhooks.registration.url()).isEqualTo("https://hooks.partner.example/in");

        HttpResponse<String> later = get(PAGE, agent);
        assertThat(later.body()).doesNotContain(StubWebhooks.SECRET).contains("data-state=\"enabled\"",
                "action=\"/ui/settings/webhooks/update\"", "id=\"deliveries\"", "No deliveries");
        assertThat(field(later.body(), "url")).isEqualTo("https://hooks.partner.example/in");
        assertThat(later.body()).containsPattern("data-event=\"order-created\"[^>]*checked|checked[^>]*data-event=\"order-created\"")
                .doesNotContainPattern("data-event=\"customer-created\"[^>]*checked|checked[^>]*data-event=\"customer-created\"");
    }

    @Test
    void theRegistrationSaysWhetherItIsOnFailingOrSwitchedOff() throws Exception {
        WebhookRegistrationView on = StubWebhooks.registration("https://hooks.example.com/in", List.of("order-created"));
        webhooks.registration = on;
        assertThat(get(PAGE, agent).body()).containsPattern("data-state=\"enabled\"[^>]*>On<");

        webhooks.registration = new WebhookRegistrationView(on.id(), on.url(), on.events(), on.createdAt(), on.createdBy(),
                on.updatedAt(), Optional.of(StubWebhooks.T0), Optional.empty());
        assertThat(get(PAGE, agent).body()).containsPattern("data-state=\"failing\"[^>]*>On, deliveries failing since Dec 3, 2026, 10:00")
                .doesNotContain("data-state=\"enabled\"");

        webhooks.registration = new WebhookRegistrationView(on.id(), on.url(), on.events(), on.createdAt(), on.createdBy(),
                on.updatedAt(), Optional.of(StubWebhooks.T0), Optional.of(StubWebhooks.T0.plusSeconds(5 * 86_400)));
        HttpResponse<String> off = get(PAGE, agent);
        assertThat(off.body()).containsPattern("data-state=\"disabled\"[^>]*>Switched off on Dec 8, 2026, 10:00")
                .doesNotContain("data-state=\"failing\"");
    }

    @Test
    void aRefusedFormIsShownAgainWithWhatIsWrongInTheReadersLanguage() throws Exception {
        HttpResponse<String> http = post(PAGE, agent, "url", "http://hooks.example.com/in", "events", "order-created");
        assertThat(http.statusCode()).isEqualTo(400);
        assertThat(http.body()).contains("The URL must use https.", "value=\"http://hooks.example.com/in\"");
        assertThat(webhooks.registration).isNull();

        HttpResponse<String> none = post(PAGE, agent, "url", "https://hooks.example.com/in");
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("Name at least one event");

        HttpResponse<String> invoices = post(PAGE, agent, "Accept-Language", "hu", "url", "https://hooks.example.com/in",
                "events", "invoice-ready");
        assertThat(invoices.statusCode()).isEqualTo(403);
        assertThat(invoices.body()).contains("invoice-ready", "nem iratkozhat fel", "Webhookok");

        webhooks.registration = StubWebhooks.registration("https://hooks.example.com/in", List.of("order-created"));
        HttpResponse<String> twice = post(PAGE, agent, "url", "https://hooks.example.com/in", "events", "order-created");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("already has a webhook registration");
    }

    @Test
    void changingDeletingAndANewSecret() throws Exception {
        webhooks.registration = StubWebhooks.registration("https://hooks.example.com/in", List.of("order-created"));
        HttpResponse<String> changed = post(PAGE + "/update", agent, "url", "https://hooks.example.com/v2", "events", "customer-created");
        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(changed.headers().firstValue("Location")).contains(PAGE + "?done=webhook_updated");
        assertThat(webhooks.registration.url()).isEqualTo("https://hooks.example.com/v2");
        assertThat(get(PAGE + "?done=webhook_updated", agent).body()).contains("The webhook registration was saved.");

        HttpResponse<String> rotated = post(PAGE + "/secret", agent);
        assertThat(rotated.statusCode()).isEqualTo(201);
        assertThat(rotated.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(field(rotated.body(), "signing-secret")).startsWith("whsec_").isNotEqualTo(StubWebhooks.SECRET);

        HttpResponse<String> deleted = post(PAGE + "/delete", agent);
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(deleted.headers().firstValue("Location")).contains(PAGE + "?done=webhook_deleted");
        assertThat(webhooks.registration).isNull();

        HttpResponse<String> noneToRotate = post(PAGE + "/secret", agent);
        assertThat(noneToRotate.statusCode()).isEqualTo(404);
        assertThat(noneToRotate.body()).contains("There is no webhook registration.");
    }

    @Test
    void aTestEventLeadsToAPageThatTellsWhetherItArrived() throws Exception {
        webhooks.registration = StubWebhooks.registration("https://hooks.example.com/in", List.of("test-created"));
        HttpResponse<String> sent = post(PAGE + "/test", agent);
        assertThat(sent.statusCode()).isEqualTo(303);
        String location = sent.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo(PAGE + "?test=corr-1&done=webhook_test_sent");

        HttpResponse<String> page = get(location, agent);
        assertThat(page.body()).contains("A test event was sent.");
        assertThat(field(page.body(), "test-id")).isEqualTo("corr-1");
        assertThat(page.body()).contains("data-status=\"pending\"");

        webhooks.deliveries.set(0, delivery("msg_test1", "test-created", DeliveryStatus.DELIVERED, List.of(answered(1, 200))));
        HttpResponse<String> reloaded = get(location, agent);
        assertThat(reloaded.body()).containsPattern("data-field=\"test-status\"[^>]*data-status=\"delivered\"[^>]*>Delivered<");
        // A test the desk never sent (an id from elsewhere, or the registration was off) is not "pending" for ever.
        HttpResponse<String> unknown = get(PAGE + "?test=corr-none", agent);
        assertThat(unknown.body()).containsPattern("data-field=\"test-status\"[^>]*data-status=\"unknown\"[^>]*>Not sent: no such test");
    }

    @Test
    void theLogIsFilteredAndPagedAndADeliveryShowsItsAttemptsAndIsSentAgain() throws Exception {
        webhooks.registration = StubWebhooks.registration("https://hooks.example.com/in", List.of("order-created"));
        for (int i = 1; i <= 22; i++) {
            webhooks.deliveries.add(delivery("msg_" + i, "order-created", DeliveryStatus.FAILED,
                    List.of(unanswered(1, "TIMEOUT", "no answer within 10 s"), answered(2, 503))));
        }
        webhooks.deliveries.add(delivery("msg_ok", "order-created", DeliveryStatus.DELIVERED, List.of(answered(1, 204))));

        String first = get(PAGE + "?status=failed", agent).body();
        assertThat(rows(first)).hasSize(20).startsWith("msg_1", "msg_2");
        assertThat(first).contains("Deliveries in total: 22", "· HTTP 503");
        Matcher next = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"").matcher(first);
        assertThat(next.find()).isTrue();
        String nextHref = next.group(1).replace("&amp;", "&");
        assertThat(nextHref).isEqualTo(PAGE + "?status=failed&page=at-20#deliveries");
        assertThat(rows(get(nextHref.substring(0, nextHref.indexOf('#')), agent).body())).containsExactly("msg_21", "msg_22");
        assertThat(rows(get(PAGE + "?status=delivered", agent).body())).containsExactly("msg_ok");
        assertThat(rows(get(PAGE + "?status=anything", agent).body())).as("an unknown status shows all").hasSize(20);
        assertThat(get(PAGE + "?page=forged", agent).statusCode()).as("a stale page starts again").isEqualTo(303);

        HttpResponse<String> detail = get(PAGE + "/deliveries/msg_3", agent);
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains("data-attempt=\"1\"", "data-attempt=\"2\"", "TIMEOUT", "no answer within 10 s",
                "HTTP 503", "10,000 ms", "42 ms");
        HttpResponse<String> again = post(PAGE + "/deliveries/msg_3/redeliver", agent);
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.headers().firstValue("Location")).contains(PAGE + "/deliveries/msg_3?done=webhook_redelivered");
        assertThat(webhooks.redelivered).containsExactly("msg_3");

        assertThat(get(PAGE + "/deliveries/msg_0", agent).statusCode()).isEqualTo(404);
        assertThat(post(PAGE + "/deliveries/msg_0/redeliver", agent).body()).contains("There is no such delivery.");
    }

    @Test
    void withoutTheCsrfTokenOrThePermissionNothingIsDone() throws Exception {
        HttpResponse<String> forged = client.send(HttpRequest.newBuilder(URI.create(server.getURL() + PAGE))
                .header("Cookie", "JWT=" + agent + "; " + UiCsrf.SEED_COOKIE + "=" + SEED)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("url=https%3A%2F%2Fhooks.example.com%2Fin&events=order-created")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(webhooks.registration).isNull();

        String referral = token("referral@partner.test", "REFERRAL_ADMIN");
        HttpResponse<String> page = get(PAGE, referral);
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("Your role does not allow this.").doesNotContain("href=\"/ui/settings/webhooks\"");
        assertThat(post(PAGE, referral, "url", "https://hooks.example.com/in", "events", "order-created").statusCode()).isEqualTo(403);
        assertThat(webhooks.registration).isNull();
        assertThat(get(PAGE, token("admin@contoso.test", "CUSTOMER_GLOBAL_ADMIN")).statusCode()).isEqualTo(403);

        webhooks.refuse = true;
        assertThat(get(PAGE, agent).statusCode()).as("the use case's own refusal").isEqualTo(403);
        assertThat(post(PAGE + "/test", agent).statusCode()).isEqualTo(403);
    }

    /** The delivery ids of the log's rows, in order. */
    private static List<String> rows(String html) {
        return Pattern.compile("data-delivery=\"([^\"]+)\"").matcher(html).results().map(m -> m.group(1)).toList();
    }

    /** The text of the element marked {@code data-field="name"}. */
    private static String field(String html, String name) {
        Matcher matcher = Pattern.compile("data-field=\"" + name + "\"[^>]*>([^<]*)<").matcher(html);
        assertThat(matcher.find()).as("data-field=%s in the page", name).isTrue();
        return matcher.group(1);
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Cookie", "JWT=" + token + "; " + UiCsrf.SEED_COOKIE + "=" + SEED)
                .header("Accept-Language", "en").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form posted as the page would, with its CSRF token; an "Accept-Language" pair first sets the language. */
    private HttpResponse<String> post(String path, String token, String... fields) throws IOException, InterruptedException {
        String language = "en";
        int start = 0;
        if (fields.length >= 2 && fields[0].equals("Accept-Language")) {
            language = fields[1];
            start = 2;
        }
        StringBuilder form = new StringBuilder(UiCsrf.FIELD + "=" + UiCsrf.token(SEED, token));
        for (int i = start; i < fields.length; i += 2) {
            form.append('&').append(fields[i]).append('=').append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return client.send(HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Cookie", "JWT=" + token + "; " + UiCsrf.SEED_COOKIE + "=" + SEED)
                .header("Accept-Language", language)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }
}
