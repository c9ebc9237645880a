package com.cspdesk.bootstrap.e2e;

import com.cspdesk.application.webhooks.port.out.EventOutbox;
import com.cspdesk.bootstrap.e2e.CancellationEndToEndTest.Shop;
import com.cspdesk.domain.webhooks.WebhookEvent;
import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spec "Submit a customer support request to cancel a purchase" and api.md "Service requests":
 * the pre-filled request a {@code support_request_required} refusal links to (an Azure
 * reservation refund beyond 50,000 USD in twelve months), filing, reading, who may, and
 * attachments — sniffed types, size limits, and served only as downloads.
 *
 * <p>Upload limits: the desk refuses files above 5 MiB itself ({@code attachment_too_large}).
 * The server's own request limits apply before any controller and have no per-route setting in
 * Micronaut 4; {@code application.yml} has {@code micronaut.server.max-request-size: 1MB}. This
 * class raises them to 6 MB as the application needs ({@code micronaut.server.max-request-size}
 * and {@code micronaut.server.multipart.max-file-size}); above them Micronaut answers 413 itself.
 */
@MicronautTest(transactional = false)
class ServiceRequestsEndToEndTest extends EndToEnd {

    @Inject
    EventOutbox outbox;

    static final String RESERVED_VM_D4S_V5 = "DG7GMGF0JN30";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)content-length: *(\\d+)");

    private final Shop shop = new Shop(this);
    private String agent;
    private String globalAdmin;
    private String customer;
    private String customerOrder;
    private WebhookReceiver receiver;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("micronaut.server.max-request-size", "6MB");
        properties.put("micronaut.server.multipart.max-file-size", "6MB");
        properties.put("cspdesk.webhooks.allowed-hosts", "127.0.0.1");
        return properties;
    }

    @AfterAll
    void stopTheReceiver() {
        receiver.close();
    }

    @BeforeAll
    void signIn() throws IOException {
        agent = loginDemo("admin.agent@partner.demo");
        globalAdmin = loginDemo("global.admin@partner.demo");
        receiver = WebhookReceiver.receivingEverything(this, agent);
        customer = shop.createCustomer(agent, "Support GmbH", "DE");
        // The order the requests of this class are about (a refund must name an order of its customer).
        customerOrder = (String) shop.order(agent, customer, Shop.line(0, shop.offer(agent, RESERVED_VM_D4S_V5, "0002", "DE"), 1))
                .get("id");
    }

    @Test
    void aRefundNamesAnOrderOfThatCustomerAndAsksAtMostWhatItCanStillBeCredited() {
        String offer = shop.offer(agent, RESERVED_VM_D4S_V5, "0002", "DE");
        Map<String, Object> order = shop.order(agent, customer, Shop.line(0, offer, 1));
        String orderId = (String) order.get("id");
        BigDecimal gross = new BigDecimal((String) Shop.map(Shop.map(order.get("totals")).get("gross")).get("amount"));
        String other = shop.createCustomer(agent, "Someone Else GmbH", "DE");
        String othersOrder = (String) shop.order(agent, other, Shop.line(0, offer, 1)).get("id");

        assertUnprocessable(refund(orderId, gross.add(new BigDecimal("0.01")).toPlainString(), "EUR"),
                "amount_exceeds_creditable", "description.amountRequested");
        assertUnprocessable(refund(orderId, "1.00", "USD"), "amount_currency_mismatch", "description.amountRequested");
        assertUnprocessable(refund(othersOrder, "1.00", "EUR"), "refund_order_not_found", "description.orderId");
        assertUnprocessable(refund(UUID.randomUUID().toString(), "1.00", "EUR"), "refund_order_not_found", "description.orderId");
        Answer german = send("POST", "/v1/servicerequests", agent, refund(othersOrder, "1.00", "EUR"), "Accept-Language", "de");
        assertThat(german.json()).containsEntry("title", "Bestellung dieses Kunden nicht gefunden");
        assertThat(Shop.items(send("GET", "/v1/servicerequests?size=100", agent, null)).toString())
                .as("nothing stored").doesNotContain(orderId).doesNotContain(othersOrder);

        file(agent, refund(orderId, gross.toPlainString(), "EUR"));
        // Cancelled on the day it was bought, the whole gross is credited; nothing is left to ask for.
        assertThat(Shop.map(shop.preview(agent, customer, orderId).get("totalCredit")).get("gross"))
                .isEqualTo(Shop.map(order.get("totals")).get("gross"));
        Answer cancelled = shop.cancel(agent, customer, orderId);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertUnprocessable(refund(orderId, "0.01", "EUR"), "amount_exceeds_creditable", "description.amountRequested");
    }

    private Map<String, Object> refund(String orderId, String amount, String currency) {
        Map<String, Object> body = request(customer, "Bought the wrong size");
        Map<String, Object> description = new LinkedHashMap<>(Shop.map(body.get("description")));
        description.put("orderId", orderId);
        description.put("amountRequested", Map.of("amount", amount, "currency", currency));
        body.put("description", description);
        return body;
    }

    private void assertUnprocessable(Map<String, Object> body, String code, String field) {
        Answer answer = send("POST", "/v1/servicerequests", agent, body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
        assertThat(answer.problemCode()).isEqualTo(code);
        assertThat(answer.json().get("errors").toString()).contains("field=" + field + ",");
    }

    @Test
    void aReservationRefundBeyondTheLimitLinksToThePrefilledRequestThatCanBeFiled() {
        String tenant = shop.createCustomer(agent, "Big Iron Inc.", "US");
        String offer = shop.offer(agent, RESERVED_VM_D4S_V5, "0002", "US");
        assertThat(shop.listPrice(agent, RESERVED_VM_D4S_V5, "0002", "US")).isEqualByComparingTo("3850.00");
        // 60 × 3,850 USD = 231,000 USD, no US tax: on the day of purchase the whole price would be refunded,
        // far beyond the self-service limit of 50,000 USD in twelve months.
        Map<String, Object> order = shop.order(agent, tenant, Shop.line(0, offer, 60));
        assertThat(Shop.map(order.get("totals")).get("gross")).isEqualTo(Map.of("amount", "231000.00", "currency", "USD"));
        String orderId = (String) order.get("id");
        String link = "/v1/servicerequests/template?customerId=" + tenant + "&orderId=" + orderId;

        Map<String, Object> preview = shop.preview(agent, tenant, orderId);
        assertThat(preview).containsEntry("cancellable", false).containsEntry("reason", "support_request_required")
                .containsEntry("supportRequestRequired", true).containsEntry("supportRequestUri", link);
        // A sales agent sees that a request is needed but gets no link it could not follow (403 there).
        Map<String, Object> salesView = send("GET", Shop.ordersOf(tenant) + "/" + orderId + "/cancellation",
                loginDemo("sales.agent@partner.demo"), null).json();
        assertThat(salesView).containsEntry("supportRequestRequired", true).containsEntry("supportRequestUri", null);

        Answer refused = shop.cancel(agent, tenant, orderId);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.problemCode()).isEqualTo("support_request_required");
        assertThat(refused.json()).containsEntry("supportRequestUri", link);
        assertThat(send("GET", Shop.ordersOf(tenant) + "/" + orderId, agent, null).json()).containsEntry("status", "completed");

        Answer template = send("GET", link, agent, null);
        assertThat(template.status()).as(template.toString()).isEqualTo(200);
        Map<String, Object> body = template.json();
        assertThat(body).containsEntry("category", "csp_purchase_refund").containsEntry("impact", "moderate")
                .containsEntry("title", "Refund for order " + orderId);
        assertThat(Shop.map(body.get("description"))).containsEntry("customerTenantIdOrDomain", tenant)
                .containsEntry("orderId", orderId).containsEntry("refundReason", "")
                .containsEntry("amountRequested", Map.of("amount", "231000.00", "currency", "USD"));
        assertThat(body.get("contact")).isEqualTo(Map.of("name", "", "email", "", "phone", ""));
        assertThat(send("GET", link, agent, null, "Accept-Language", "de").json())
                .containsEntry("title", "Erstattung für Bestellung " + orderId);

        Map<String, Object> filled = new LinkedHashMap<>(body);
        Map<String, Object> description = new LinkedHashMap<>(Shop.map(body.get("description")));
        description.put("refundReason", "Reserved in the wrong region; the customer moved the workload.");
        filled.put("description", description);
        filled.put("contact", Map.of("name", "Ada Agent", "email", "ada@partner.example", "phone", "+1 425 555 0100"));
        Answer filed = send("POST", "/v1/servicerequests", agent, filled, "MS-RequestId", "refund-" + orderId);
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        Map<String, Object> request = filed.json();
        assertThat(request).containsEntry("status", "open").containsEntry("category", "csp_purchase_refund")
                .containsEntry("impact", "moderate").containsEntry("title", "Refund for order " + orderId)
                .containsEntry("createdBy", "admin.agent@partner.demo").containsEntry("attachments", List.of());
        assertThat(Shop.map(request.get("description"))).containsEntry("orderId", orderId)
                .containsEntry("amountRequested", Map.of("amount", "231000.00", "currency", "USD"));
        assertThat(filed.header("Location")).isEqualTo("/v1/servicerequests/" + request.get("id"));
        Answer retry = send("POST", "/v1/servicerequests", agent, filled, "MS-RequestId", "refund-" + orderId);
        assertThat(retry.body()).isEqualTo(filed.body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void refundsCountOverTwelveMonthsSoASecondReservationCanNeedARequest() {
        String tenant = shop.createCustomer(agent, "Rolling Inc.", "US");
        String offer = shop.offer(agent, RESERVED_VM_D4S_V5, "0002", "US");
        String first = (String) shop.order(agent, tenant, Shop.line(0, offer, 10)).get("id");
        // 10 × 3,850 = 38,500 USD: within the limit, cancelled by self-service.
        Answer cancelled = shop.cancel(agent, tenant, first);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(Shop.map(cancelled.json().get("creditTotal")).get("gross")).isEqualTo(Map.of("amount", "38500.00", "currency", "USD"));

        // 4 × 3,850 = 15,400 USD more would make 53,900 USD in twelve months.
        String second = (String) shop.order(agent, tenant, Shop.line(0, offer, 4)).get("id");
        Map<String, Object> preview = shop.preview(agent, tenant, second);
        assertThat(preview).containsEntry("supportRequestRequired", true);
        Answer template = send("GET", (String) preview.get("supportRequestUri"), agent, null);
        assertThat(Shop.map(template.json().get("description")).get("amountRequested"))
                .isEqualTo(Map.of("amount", "15400.00", "currency", "USD"));
        // Addressed by domain, the template names the customer by its tenant id.
        Answer byDomain = send("GET", "/v1/servicerequests/template?customerId=" + shop.domainOf(tenant) + "&orderId=" + second,
                agent, null);
        assertThat(Shop.map(byDomain.json().get("description"))).containsEntry("customerTenantIdOrDomain", tenant);

        Answer noOrder = send("GET", "/v1/servicerequests/template?customerId=" + tenant + "&orderId=" + UUID.randomUUID(), agent, null);
        assertThat(noOrder.status()).isEqualTo(404);
        assertThat(noOrder.problemCode()).isEqualTo("order_not_found");
        Answer missing = send("GET", "/v1/servicerequests/template?customerId=" + tenant, agent, null);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").toString()).contains("field=orderId");
    }

    @Test
    void requestsAreFiledListedAndReadByAdminAgentsAndGlobalAdminsOnly() {
        Map<String, Object> created = file(globalAdmin, request(customer, "Wrong edition bought"));
        String id = (String) created.get("id");
        assertThat(created).containsEntry("createdBy", "global.admin@partner.demo").containsKey("createdAt");
        assertThat(Shop.map(created.get("description"))).containsEntry("customerTenantIdOrDomain", customer)
                .containsEntry("refundReason", "Wrong edition bought").doesNotContainKey("subscriptionId");
        assertThat(created.get("contact")).isEqualTo(Map.of("name", "Bea Admin", "email", "bea@partner.example",
                "phone", "+49 30 1234567"));

        Answer read = send("GET", "/v1/servicerequests/" + id, agent, null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(created);
        Map<String, Object> newer = file(agent, request(customer, "Bought twice by mistake"));
        Answer list = send("GET", "/v1/servicerequests?size=1", agent, null);
        assertThat(Shop.items(list)).extracting(r -> r.get("id")).containsExactly(newer.get("id"));
        assertThat(((Number) list.json().get("totalCount")).intValue()).isGreaterThanOrEqualTo(2);
        String next = "/v1/" + Shop.map(Shop.map(list.json().get("links")).get("next")).get("uri");
        assertThat(Shop.items(send("GET", next, agent, null))).extracting(r -> r.get("id")).contains(id);

        Answer unknown = send("GET", "/v1/servicerequests/" + UUID.randomUUID(), agent, null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problemCode()).isEqualTo("service_request_not_found");

        for (String user : List.of("sales.agent@partner.demo", "account.admin@partner.demo", "referral.admin@partner.demo",
                "customer.admin@contoso.demo")) {
            String token = loginDemo(user);
            assertThat(send("POST", "/v1/servicerequests", token, request(customer, "x")).status()).as(user).isEqualTo(403);
            assertThat(send("GET", "/v1/servicerequests", token, null).status()).as(user).isEqualTo(403);
            assertThat(send("GET", "/v1/servicerequests/" + id, token, null).status()).as(user).isEqualTo(403);
            assertThat(send("GET", "/v1/servicerequests/template?customerId=" + customer + "&orderId=x", token, null).status())
                    .as(user).isEqualTo(403);
        }
    }

    @Test
    void anIncompleteRequestIsRefusedNamingTheField() {
        assertRefused(with(request(customer, "r"), "category", "billing"), "category_invalid", "category");
        assertRefused(with(request(customer, "r"), "impact", "urgent"), "impact_invalid", "impact");
        assertRefused(with(request(customer, "r"), "title", ""), "title_invalid", "title");
        assertRefused(request("nobody.example", "r"), "customer_not_found", "description.customerTenantIdOrDomain");
        assertRefused(request(customer, ""), "refund_reason_invalid", "description.refundReason");
        Map<String, Object> both = request(customer, "r");
        Map<String, Object> description = new LinkedHashMap<>(Shop.map(both.get("description")));
        description.put("subscriptionId", UUID.randomUUID().toString());
        both.put("description", description);
        assertRefused(both, "order_or_subscription_required", "description.orderId");
        Map<String, Object> negative = request(customer, "r");
        description = new LinkedHashMap<>(Shop.map(negative.get("description")));
        description.put("amountRequested", Map.of("amount", "-5.00", "currency", "EUR"));
        negative.put("description", description);
        assertRefused(negative, "amount_invalid", "description.amountRequested");
        assertRefused(with(request(customer, "r"), "contact", Map.of("name", "Bea", "email", "not-an-email", "phone", "+49 30 1234567")),
                "contact_email_invalid", "contact.email");
        assertRefused(with(request(customer, "r"), "contact", Map.of("name", "Bea", "email", "bea@partner.example", "phone", "call me")),
                "contact_phone_invalid", "contact.phone");

        Answer german = send("POST", "/v1/servicerequests", agent, with(request(customer, "r"), "impact", "urgent"),
                "Accept-Language", "de");
        assertThat((String) german.json().get("title")).isEqualTo("Ungültige Auswirkung");
    }

    @Test
    void aSmallPdfIsAttachedAndComesBackIdenticalAsADownloadOnly() {
        String id = (String) file(agent, request(customer, "See the attached order confirmation")).get("id");
        byte[] pdf = pdf("Order confirmation for Support GmbH");
        Answer attached = attach(agent, id, "order confirmation.pdf", "application/octet-stream", pdf);
        assertThat(attached.status()).as(attached.toString()).isEqualTo(201);
        Map<String, Object> attachment = attached.json();
        assertThat(attachment).containsEntry("fileName", "order confirmation.pdf").containsEntry("contentType", "application/pdf")
                .containsEntry("sizeBytes", pdf.length).containsKey("addedAt");
        String attachmentId = (String) attachment.get("id");
        assertThat(attached.header("Location")).isEqualTo("/v1/servicerequests/" + id + "/attachments/" + attachmentId);
        assertThat(send("GET", "/v1/servicerequests/" + id, agent, null).json().get("attachments")).isEqualTo(List.of(attachment));

        Download download = download(globalAdmin, "/v1/servicerequests/" + id + "/attachments/" + attachmentId);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(download.header("Content-Disposition")).startsWith("attachment; filename=\"order confirmation.pdf\"");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.header("Content-Security-Policy")).isEqualTo("sandbox");
        assertThat(download(loginDemo("sales.agent@partner.demo"), "/v1/servicerequests/" + id + "/attachments/" + attachmentId)
                .status()).isEqualTo(403);
        assertThat(download(agent, "/v1/servicerequests/" + id + "/attachments/" + UUID.randomUUID()).status()).isEqualTo(404);

        Answer text = attach(agent, id, "notes.txt", "text/plain", "Customer called on Monday.\n".getBytes(StandardCharsets.UTF_8));
        assertThat(text.status()).as(text.toString()).isEqualTo(201);
        assertThat(text.json()).containsEntry("contentType", "text/plain");

        Answer retried = attach(agent, id, "retry.txt", "text/plain", "once".getBytes(StandardCharsets.UTF_8), "MS-RequestId", "att-1");
        Answer again = attach(agent, id, "retry.txt", "text/plain", "once".getBytes(StandardCharsets.UTF_8), "MS-RequestId", "att-1");
        assertThat(again.body()).isEqualTo(retried.body());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat((List<?>) send("GET", "/v1/servicerequests/" + id, agent, null).json().get("attachments")).hasSize(3);
        // Issue #15: filed, then changed by each file added (a replayed retry adds none): the request's webhook events.
        assertThat(outbox.ofOrderingKey("/v1/servicerequests/" + id)).extracting(e -> e.change().event())
                .containsExactly(WebhookEvent.SERVICE_REQUEST_CREATED, WebhookEvent.SERVICE_REQUEST_UPDATED,
                        WebhookEvent.SERVICE_REQUEST_UPDATED, WebhookEvent.SERVICE_REQUEST_UPDATED);
    }

    @Test
    void anExtensionMustBeAllowedAndMatchTheBytesAndNamesLoseBidiAndControlCharacters() throws IOException {
        String id = (String) file(agent, request(customer, "Attachments named one thing and being another")).get("id");

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0};
        Answer pngAsPdf = attach(agent, id, "statement.pdf", "application/pdf", png, "Accept-Language", "de");
        assertThat(pngAsPdf.status()).as(pngAsPdf.toString()).isEqualTo(415);
        assertThat(pngAsPdf.problemCode()).isEqualTo("attachment_type_mismatch");
        assertThat(pngAsPdf.json().get("title")).isEqualTo("Dateityp passt nicht zum Namen");

        ByteArrayOutputStream zipBytes = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(zipBytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("payload.bin"));
            zip.write("not a Word document".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Answer zipAsDocx = attach(agent, id, "statement.docx", "application/octet-stream", zipBytes.toByteArray());
        assertThat(zipAsDocx.status()).as(zipAsDocx.toString()).isEqualTo(415);
        assertThat(zipAsDocx.problemCode()).isEqualTo("attachment_type_not_allowed");
        Answer zipAsZip = attach(agent, id, "statement.zip", "application/zip", zipBytes.toByteArray());
        assertThat(zipAsZip.status()).as(zipAsZip.toString()).isEqualTo(415);
        assertThat(zipAsZip.problemCode()).isEqualTo("attachment_type_not_allowed");
        assertThat(send("GET", "/v1/servicerequests/" + id, agent, null).json().get("attachments")).as("nothing stored")
                .isEqualTo(List.of());

        Answer spoofed = attach(agent, id, "invoice\u202Egnp\u0007.pdf", "application/pdf", pdf("order 42"));
        assertThat(spoofed.status()).as(spoofed.toString()).isEqualTo(201);
        assertThat(spoofed.json()).containsEntry("fileName", "invoicegnp.pdf").containsEntry("contentType", "application/pdf");
        Download download = download(agent, "/v1/servicerequests/" + id + "/attachments/" + spoofed.json().get("id"));
        assertThat(download.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"invoicegnp.pdf\"; filename*=UTF-8''invoicegnp.pdf");
    }

    @Test
    void filesThatAreNotWhatTheyClaimOrTooLargeOrEmptyAreRefused() {
        String id = (String) file(agent, request(customer, "Attachments that are refused")).get("id");

        byte[] exe = new byte[2048];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3C] = (byte) 0x80;
        System.arraycopy("PE\0\0".getBytes(StandardCharsets.ISO_8859_1), 0, exe, 0x80, 4);
        Answer renamed = attach(agent, id, "invoice.pdf", "application/pdf", exe);
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(415);
        assertThat(renamed.problemCode()).isEqualTo("attachment_type_not_allowed");
        Answer html = attach(agent, id, "receipt.pdf", "application/pdf",
                "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(html.status()).as(html.toString()).isEqualTo(415);

        byte[] justOver = new byte[5 * 1024 * 1024 + 1];
        byte[] header = pdf("large");
        System.arraycopy(header, 0, justOver, 0, header.length);
        Answer tooLarge = attach(agent, id, "scan.pdf", "application/pdf", justOver);
        assertThat(tooLarge.status()).as(tooLarge.toString()).isEqualTo(413);
        assertThat(tooLarge.problemCode()).isEqualTo("attachment_too_large");
        RawAnswer sixMegabytes = rawUpload(agent, id, "scan.pdf", new byte[6 * 1024 * 1024]);
        assertThat(sixMegabytes.status()).as(sixMegabytes.toString()).isEqualTo(413);
        assertThat(sixMegabytes.body()).as("above the server's own limit").contains("\"code\":\"payload_too_large\"");

        Answer empty = attach(agent, id, "empty.pdf", "application/pdf", new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.problemCode()).isEqualTo("attachment_empty");
        Answer hidden = attach(agent, id, ".htaccess", "text/plain", "x".getBytes(StandardCharsets.UTF_8));
        assertThat(hidden.status()).isEqualTo(400);
        assertThat(hidden.problemCode()).isEqualTo("file_name_invalid");
        Answer noFile = multipart(agent, id, "note", null, "text/plain", "just a field".getBytes(StandardCharsets.UTF_8));
        assertThat(noFile.status()).as(noFile.toString()).isEqualTo(400);
        assertThat(noFile.problemCode()).isEqualTo("attachment_missing");
        Answer json = send("POST", "/v1/servicerequests/" + id + "/attachments", agent, Map.of("file", "x"));
        assertThat(json.status()).isEqualTo(415);
        Answer unknownRequest = attach(agent, UUID.randomUUID().toString(), "a.pdf", "application/pdf", pdf("x"));
        assertThat(unknownRequest.status()).isEqualTo(404);
        assertThat(unknownRequest.problemCode()).isEqualTo("service_request_not_found");
        assertThat(attach(loginDemo("sales.agent@partner.demo"), id, "a.pdf", "application/pdf", pdf("x")).status()).isEqualTo(403);

        assertThat(send("GET", "/v1/servicerequests/" + id, agent, null).json().get("attachments")).isEqualTo(List.of());
    }

    @Test
    void aRequestTakesAtMostTenAttachments() {
        String id = (String) file(agent, request(customer, "Many files")).get("id");
        for (int i = 0; i < 10; i++) {
            Answer answer = attach(agent, id, "note-" + i + ".txt", "text/plain", ("note " + i).getBytes(StandardCharsets.UTF_8));
            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        }
        Answer eleventh = attach(agent, id, "note-10.txt", "text/plain", "one too many".getBytes(StandardCharsets.UTF_8));
        assertThat(eleventh.status()).isEqualTo(409);
        assertThat(eleventh.problemCode()).isEqualTo("too_many_attachments");
    }

    // --- helpers

    private Map<String, Object> file(String token, Map<String, Object> body) {
        Answer answer = send("POST", "/v1/servicerequests", token, body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json();
    }

    private void assertRefused(Map<String, Object> body, String code, String field) {
        Answer answer = send("POST", "/v1/servicerequests", agent, body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.problemCode()).isEqualTo(code);
        assertThat(answer.json().get("errors").toString()).contains("field=" + field + ",");
    }

    private Map<String, Object> request(String customerId, String reason) {
        return refundRequest(customerId, customerOrder, reason, "439.01", "low", "Refund for a wrong purchase");
    }

    /** A complete refund request's body (amount in EUR), to change one field of. */
    static Map<String, Object> refundRequest(String customerId, String orderId, String reason, String amount, String impact,
                                             String title) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("customerTenantIdOrDomain", customerId);
        description.put("orderId", orderId);
        description.put("refundReason", reason);
        description.put("amountRequested", Map.of("amount", amount, "currency", "EUR"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("category", "csp_purchase_refund");
        body.put("impact", impact);
        body.put("title", title);
        body.put("description", description);
        body.put("contact", Map.of("name", "Bea Admin", "email", "bea@partner.example", "phone", "+49 30 1234567"));
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    /** A real one-page PDF. */
    private static byte[] pdf(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Document document = new Document();
        PdfWriter.getInstance(document, bytes);
        document.open();
        document.add(new Paragraph(text));
        document.close();
        return bytes.toByteArray();
    }

    private Answer attach(String token, String requestId, String fileName, String contentType, byte[] content, String... headers) {
        return multipart(token, requestId, "file", fileName, contentType, content, headers);
    }

    /** One part; {@code fileName} null makes it a plain form field. */
    private Answer multipart(String token, String requestId, String part, String fileName, String contentType, byte[] content,
                             String... headers) {
        String boundary = "----cspdesk" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String disposition = "Content-Disposition: form-data; name=\"" + part + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"");
        body.writeBytes(("--" + boundary + "\r\n" + disposition + "\r\nContent-Type: " + contentType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + "/v1/servicerequests/" + requestId
                            + "/attachments")).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers().map(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record RawAnswer(int status, String body) {
    }

    /**
     * A multipart upload over a plain socket that reads the answer while the body is still being
     * sent, as browsers and curl do: the server refuses a request above its size limit at once and
     * stops reading, and Java 17's HttpClient only reads an answer after sending the whole body
     * (with {@code Expect: 100-continue} it waits forever for a 100 that never comes).
     */
    private RawAnswer rawUpload(String token, String requestId, String fileName, byte[] content) {
        String boundary = "----cspdesk" + UUID.randomUUID().toString().replace("-", "");
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        URI uri = URI.create(server.getURL().toString());
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/servicerequests/" + requestId + "/attachments HTTP/1.1\r\nHost: " + uri.getHost() + ":"
                    + uri.getPort() + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: multipart/form-data; boundary="
                    + boundary + "\r\nContent-Length: " + (head.length + content.length + tail.length)
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            Thread sender = new Thread(() -> {
                try {
                    out.write(head);
                    for (int offset = 0; offset < content.length; offset += 65536) {
                        out.write(content, offset, Math.min(65536, content.length - offset));
                    }
                    out.write(tail);
                    out.flush();
                } catch (IOException refusedMidway) {
                    // The server answered and closed: expected for a refused body.
                }
            });
            sender.setDaemon(true);
            sender.start();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int headEnd = -1;
            int contentLength = -1;
            while (true) {
                int read = in.read(buffer);
                if (read < 0) {
                    break;
                }
                answer.write(buffer, 0, read);
                String text = answer.toString(StandardCharsets.UTF_8);
                if (headEnd < 0 && text.contains("\r\n\r\n")) {
                    headEnd = text.indexOf("\r\n\r\n") + 4;
                    Matcher length = CONTENT_LENGTH.matcher(text.substring(0, headEnd));
                    contentLength = length.find() ? Integer.parseInt(length.group(1)) : -1;
                }
                if (headEnd >= 0 && contentLength >= 0 && answer.size() >= headEnd + contentLength) {
                    break;
                }
            }
            String text = answer.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            return new RawAnswer(status, headEnd < 0 ? "" : text.substring(headEnd));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Download(int status, byte[] body, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst().map(e -> e.getValue().get(0)).orElse(null);
        }
    }

    private Download download(String token, String path) {
        try {
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.getURL() + path))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
