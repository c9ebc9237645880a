package com.cspdesk.bootstrap.e2e;

import com.cspdesk.bootstrap.e2e.CancellationEndToEndTest.Shop;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spec "Post-cancellation details": "A credit for the canceled order will appear on your next
 * monthly invoice", and api.md "Invoices". One timeline on this class's own database and clock:
 * an Australian (AUD, GST inside the price) and a German customer (EUR, 19 % on top) buy in month
 * M; M is invoiced once it has ended (charges only); about 30 days after the purchase, in M+1,
 * both purchases are previewed and cancelled and new ones bought; M+1 is invoiced after it ended,
 * with the credits and the new charges; re-running a month changes nothing; the invoices come as
 * JSON, PDF and CSV.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InvoicingEndToEndTest extends EndToEnd {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Shop shop = new Shop(this);
    private String agent;
    private String accountAdmin;
    private String globalAdmin;
    private String australia;
    private String germany;
    private Map<String, Object> australianOrder;
    private Map<String, Object> germanOrder;
    private Map<String, Object> laterAustralianOrder;
    private Map<String, Object> laterGermanOrder;
    private Instant purchased;
    private YearMonth month;

    /**
     * The hourly schedule would invoice the month that ended on its own, two minutes after start:
     * off here, so the runs this test starts are the only ones (a scheduled run holding the lock
     * would make one of them "skipped"). What it would invoice is the same.
     */
    @Override
    boolean invoiceSchedule() {
        return false;
    }

    @BeforeAll
    void buyInMonthM() {
        agent = loginDemo("admin.agent@partner.demo");
        accountAdmin = loginDemo("account.admin@partner.demo");
        globalAdmin = loginDemo("global.admin@partner.demo");
        australia = shop.createCustomer(agent, "Wombat Software Pty Ltd", "AU");
        germany = shop.createCustomer(agent, "Müller & Söhne GmbH", "DE");
        australianOrder = shop.order(agent, australia, Shop.line(0,
                shop.offer(agent, CancellationEndToEndTest.WS2022_STANDARD, "0001", "AU"), 1));
        germanOrder = shop.order(agent, germany, Shop.line(0,
                shop.offer(agent, CancellationEndToEndTest.WS2022_STANDARD, "0001", "DE"), 2));
        purchased = Instant.parse((String) germanOrder.get("creationDate"));
        month = YearMonth.from(purchased.atOffset(ZoneOffset.UTC));
    }

    @Test
    @Order(1)
    void aMonthIsInvoicedOnlyAfterItEndedAndOnlyByAdmins() {
        Answer early = send("POST", "/v1/invoices/runs", accountAdmin, Map.of("month", month.toString()));
        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(early.problemCode()).isEqualTo("month_not_ended");
        assertThat((String) early.json().get("detail")).contains(month.toString());
        assertThat(send("POST", "/v1/invoices/runs", accountAdmin, Map.of("month", month.plusMonths(5).toString()))
                .problemCode()).isEqualTo("month_not_ended");

        for (String malformed : List.of("2026-13", "November 2026", "2026-1", "26-11", "2026-11-01")) {
            Answer answer = send("POST", "/v1/invoices/runs", accountAdmin, Map.of("month", malformed));
            assertThat(answer.status()).as(malformed).isEqualTo(400);
            assertThat(answer.problemCode()).isEqualTo("month_invalid");
            assertThat(answer.json().get("errors").toString()).contains("field=month");
        }
        assertThat(send("POST", "/v1/invoices/runs", accountAdmin, Map.of()).problemCode()).isEqualTo("validation_failed");

        // Admin agents may start runs (api.md: invoices are GLOBAL_ADMIN, ACCOUNT_ADMIN, ADMIN_AGENT).
        for (String user : List.of("sales.agent@partner.demo", "referral.admin@partner.demo",
                "marketing.admin@partner.demo", "customer.admin@contoso.demo")) {
            Answer answer = send("POST", "/v1/invoices/runs", loginDemo(user), Map.of("month", "2020-01"));
            assertThat(answer.status()).as(user).isEqualTo(403);
        }
        for (String user : List.of("sales.agent@partner.demo", "referral.admin@partner.demo", "marketing.admin@partner.demo",
                "customer.admin@contoso.demo")) {
            assertThat(send("GET", "/v1/invoices", loginDemo(user), null).status()).as(user).isEqualTo(403);
            assertThat(send("GET", "/v1/invoices/INV-2020-01-EUR/document", loginDemo(user), null).status()).as(user).isEqualTo(403);
        }
        for (String token : List.of(agent, accountAdmin, globalAdmin)) {
            Answer list = send("GET", "/v1/invoices", token, null);
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.json()).containsEntry("totalCount", 0);
        }
        assertThat(send("GET", "/v1/invoices/INV-2020-01-EUR", agent, null).problemCode()).isEqualTo("invoice_not_found");
        assertThat(send("GET", "/v1/invoices/runs/" + UUID.randomUUID(), accountAdmin, null).problemCode())
                .isEqualTo("invoice_run_not_found");
    }

    @Test
    @Order(2)
    void afterTheMonthEndedItsInvoicesHoldTheChargesPerCurrency() {
        shop.clockTo(agent, start(month.plusMonths(1)).plus(Duration.ofHours(1)));
        Map<String, Object> run = run(accountAdmin, month);
        assertThat(run).containsEntry("billingMonth", month.toString()).containsEntry("status", "completed");
        assertThat(run.get("currenciesDone")).isEqualTo(run.get("currenciesTotal"));

        Map<String, Object> eur = invoice(month, "EUR");
        Map<String, Object> germanTotals = Shop.map(germanOrder.get("totals"));
        assertThat(eur).containsEntry("billingMonth", month.toString()).containsEntry("currencyCode", "EUR")
                .containsEntry("lineCount", 1).containsEntry("charges", germanTotals).containsEntry("total", germanTotals)
                .containsEntry("credits", zero("EUR"));
        Map<String, Object> line = lineItems(month, "EUR").get(0);
        Map<String, Object> bought = Shop.lines(germanOrder).get(0);
        assertThat(line).containsEntry("kind", "charge").containsEntry("customerId", germany)
                .containsEntry("customerName", "Müller & Söhne GmbH").containsEntry("orderId", germanOrder.get("id"))
                .containsEntry("lineItemNumber", 0).containsEntry("net", bought.get("net")).containsEntry("tax", bought.get("tax"))
                .containsEntry("gross", bought.get("gross"));
        assertThat(new BigDecimal(amount(bought.get("tax")))).as("19 % on top in Germany")
                .isEqualByComparingTo(new BigDecimal(amount(bought.get("net"))).multiply(new BigDecimal("0.19"))
                        .setScale(2, RoundingMode.HALF_UP));

        Map<String, Object> aud = invoice(month, "AUD");
        Map<String, Object> australianLine = Shop.lines(australianOrder).get(0);
        assertThat(aud).containsEntry("lineCount", 1).containsEntry("charges", australianOrder.get("totals"));
        BigDecimal gross = new BigDecimal(amount(australianLine.get("gross")));
        assertThat(australianLine).containsEntry("taxIncluded", true);
        assertThat(amount(australianLine.get("tax"))).as("GST inside the price: a eleventh of the gross")
                .isEqualTo(gross.divide(BigDecimal.valueOf(11), 2, RoundingMode.HALF_UP).toPlainString());
        assertThat(amount(australianLine.get("gross"))).isEqualTo(amount(australianLine.get("unitPrice")));

        Answer list = send("GET", "/v1/invoices", agent, null);
        assertThat(Shop.items(list)).extracting(i -> i.get("id"))
                .containsExactly("INV-" + month + "-AUD", "INV-" + month + "-EUR");
        Answer paged = send("GET", "/v1/invoices?size=1", agent, null);
        assertThat(Shop.items(paged)).hasSize(1);
        String next = "/v1/" + Shop.map(Shop.map(paged.json().get("links")).get("next")).get("uri");
        assertThat(Shop.items(send("GET", next, agent, null))).extracting(i -> i.get("id")).containsExactly("INV-" + month + "-EUR");
    }

    @Test
    @Order(3)
    void cancelledInTheNextMonthNothingChangesOnTheInvoicedMonth() {
        Map<String, Object> before = invoice(month, "EUR");
        Instant earliest = start(month.plusMonths(1)).plus(Duration.ofHours(1));
        Instant latest = start(month.plusMonths(2)).minus(Duration.ofHours(1));
        Instant thirtyDays = purchased.plus(Duration.ofDays(30));
        Instant when = thirtyDays.isBefore(earliest) ? earliest : thirtyDays.isAfter(latest) ? latest : thirtyDays;
        if (when.isAfter(shop.now(agent))) {
            shop.clockTo(agent, when);
        }

        for (Map.Entry<String, Map<String, Object>> bought : Map.of(australia, australianOrder, germany, germanOrder).entrySet()) {
            String orderId = (String) bought.getValue().get("id");
            Map<String, Object> preview = shop.preview(agent, bought.getKey(), orderId);
            assertThat(preview).containsEntry("cancellable", true).containsEntry("totalCredit", bought.getValue().get("totals"));
            assertThat(((Number) preview.get("daysRemaining")).intValue()).isBetween(1, 59);
            Answer cancelled = shop.cancel(agent, bought.getKey(), orderId);
            assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
            assertThat(cancelled.json().get("creditTotal")).isEqualTo(bought.getValue().get("totals"));
        }
        laterAustralianOrder = shop.order(agent, australia, Shop.line(0,
                shop.offer(agent, CancellationWindowEndToEndTest.WS2022_STANDARD_SUBSCRIPTION, "0001", "AU"), 1));
        laterGermanOrder = shop.order(agent, germany, Shop.line(0,
                shop.offer(agent, CancellationWindowEndToEndTest.WS2022_STANDARD_SUBSCRIPTION, "0001", "DE"), 3));

        Map<String, Object> rerun = run(globalAdmin, month);
        assertThat(rerun).containsEntry("status", "completed").containsEntry("invoicesCreated", 0);
        assertThat(invoice(month, "EUR")).as("re-running a month changes nothing").isEqualTo(before);
        assertThat(lineItems(month, "EUR")).extracting(l -> l.get("kind")).containsExactly("charge");
        Answer notYet = send("POST", "/v1/invoices/runs", accountAdmin, Map.of("month", month.plusMonths(1).toString()));
        assertThat(notYet.problemCode()).isEqualTo("month_not_ended");
    }

    @Test
    @Order(4)
    void theCreditIsOnTheNextMonthsInvoiceBesideThatMonthsCharges() {
        YearMonth next = month.plusMonths(1);
        shop.clockTo(agent, start(next.plusMonths(1)).plus(Duration.ofHours(1)));
        Map<String, Object> run = run(accountAdmin, next);
        assertThat(run).containsEntry("status", "completed");

        Map<String, Object> eur = invoice(next, "EUR");
        assertThat(eur).containsEntry("lineCount", 2).containsEntry("charges", laterGermanOrder.get("totals"))
                .containsEntry("credits", negated(Shop.map(germanOrder.get("totals"))));
        assertThat(eur.get("total")).isEqualTo(sum(Shop.map(laterGermanOrder.get("totals")),
                negated(Shop.map(germanOrder.get("totals")))));
        List<Map<String, Object>> lines = lineItems(next, "EUR");
        assertThat(lines).extracting(l -> l.get("kind")).containsExactly("charge", "credit");
        Map<String, Object> credit = lines.get(1);
        Map<String, Object> cancelledLine = Shop.lines(germanOrder).get(0);
        assertThat(credit).containsEntry("orderId", germanOrder.get("id")).containsEntry("customerId", germany)
                .containsEntry("lineItemNumber", 0).containsEntry("gross", negated(cancelledLine.get("gross")))
                .containsEntry("tax", negated(cancelledLine.get("tax"))).containsEntry("net", negated(cancelledLine.get("net")));
        assertThat(Instant.parse((String) credit.get("occurredAt"))).isAfterOrEqualTo(start(next));

        Map<String, Object> aud = invoice(next, "AUD");
        assertThat(aud).containsEntry("lineCount", 2).containsEntry("charges", laterAustralianOrder.get("totals"))
                .containsEntry("credits", negated(Shop.map(australianOrder.get("totals"))));

        Map<String, Object> rerun = run(globalAdmin, next);
        assertThat(rerun).containsEntry("invoicesCreated", 0);
        assertThat(invoice(next, "EUR")).isEqualTo(eur);
        assertThat(lineItems(next, "EUR")).isEqualTo(lines);
        assertThat(invoice(month, "EUR")).containsEntry("lineCount", 1).containsEntry("credits", zero("EUR"));
    }

    @Test
    @Order(5)
    void theInvoiceDownloadsAsAPdfToReadAndACsvToCalculateWith() throws IOException {
        YearMonth next = month.plusMonths(1);
        String id = "INV-" + next + "-EUR";
        Download pdf = download(agent, "/v1/invoices/" + id + "/document?format=pdf");
        assertThat(pdf.status()).as(pdf.toString()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
        assertThat(pdf.header("Content-Disposition")).isEqualTo("attachment; filename=\"" + id + ".pdf\"");
        assertThat(new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        String text = text(pdf.body());
        Map<String, Object> cancelledLine = Shop.lines(germanOrder).get(0);
        Map<String, Object> newLine = Shop.lines(laterGermanOrder).get(0);
        assertThat(text).contains("Invoice " + id, "CSP Software Desk demo partner", "Charges", "Credits",
                "Müller & Söhne GmbH", (String) germanOrder.get("id"), (String) laterGermanOrder.get("id"),
                english(cancelledLine.get("gross")), english(negated(cancelledLine.get("gross"))), english(newLine.get("gross")),
                english(Shop.map(invoice(next, "EUR").get("total")).get("gross")), "Australia and Brazil include tax");

        String german = text(download(agent, "/v1/invoices/" + id + "/document", "Accept-Language", "de").body());
        assertThat(german).contains("Rechnung " + id, "Belastungen", "Gutschriften", "Rechnungsbetrag");

        String audId = "INV-" + next + "-AUD";
        String australian = text(download(globalAdmin, "/v1/invoices/" + audId + "/document?format=pdf").body());
        assertThat(australian).contains("Wombat Software Pty Ltd", english(Shop.lines(australianOrder).get(0).get("gross")),
                english(negated(Shop.lines(australianOrder).get(0).get("gross"))));

        Download csv = download(accountAdmin, "/v1/invoices/" + id + "/document?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).isEqualToIgnoringCase("text/csv; charset=UTF-8");
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"" + id + ".csv\"");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(csv.body(), StandardCharsets.UTF_8))).getRecords();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("kind")).isEqualTo("charge");
        assertThat(rows.get(0).get("gross")).isEqualTo(amount(newLine.get("gross")));
        assertThat(rows.get(1).get("kind")).isEqualTo("credit");
        assertThat(rows.get(1).get("orderId")).isEqualTo(germanOrder.get("id"));
        assertThat(rows.get(1).get("gross")).isEqualTo("-" + amount(cancelledLine.get("gross")));
        assertThat(rows.get(1).get("customerName")).isEqualTo("Müller & Söhne GmbH");

        Answer unknownFormat = send("GET", "/v1/invoices/" + id + "/document?format=docx", agent, null);
        assertThat(unknownFormat.status()).isEqualTo(400);
        assertThat(unknownFormat.problemCode()).isEqualTo("document_format_invalid");
        assertThat(send("GET", "/v1/invoices/INV-1999-01-EUR/document?format=pdf", agent, null).status()).isEqualTo(404);
    }

    // --- helpers

    /** Starts a run for the month and waits for it to finish; returns the finished run. */
    private Map<String, Object> run(String token, YearMonth billingMonth) {
        Answer started = send("POST", "/v1/invoices/runs", token, Map.of("month", billingMonth.toString()),
                "MS-RequestId", "run-" + UUID.randomUUID());
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String id = (String) started.json().get("id");
        assertThat(started.header("Location")).isEqualTo("/v1/invoices/runs/" + id);
        assertThat(started.json()).containsEntry("billingMonth", billingMonth.toString()).containsKey("startedAt");
        // Polls for the run's end; the minute is only a safety net, the assertions are about the finished run.
        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Answer run = send("GET", "/v1/invoices/runs/" + id, token, null);
        while (run.status() == 200 && "running".equals(run.json().get("status")) && System.nanoTime() < giveUp) {
            sleep(100);
            run = send("GET", "/v1/invoices/runs/" + id, token, null);
        }
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        assertThat(run.json().get("status")).as("the run has finished").isNotEqualTo("running");
        assertThat(run.json().get("finishedAt")).isNotNull();
        return run.json();
    }

    private Map<String, Object> invoice(YearMonth billingMonth, String currency) {
        Answer answer = send("GET", "/v1/invoices/INV-" + billingMonth + "-" + currency, agent, null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private List<Map<String, Object>> lineItems(YearMonth billingMonth, String currency) {
        return Shop.items(send("GET", "/v1/invoices/INV-" + billingMonth + "-" + currency + "/lineitems", agent, null));
    }

    private static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static String amount(Object money) {
        return (String) Shop.map(money).get("amount");
    }

    private static Map<String, Object> zero(String currency) {
        Map<String, Object> zero = Map.of("amount", "0.00", "currency", currency);
        return Map.of("net", zero, "tax", zero, "gross", zero);
    }

    /** A money object, or a {net, tax, gross} object, with every amount negated. */
    private static Map<String, Object> negated(Object value) {
        Map<String, Object> map = Shop.map(value);
        if (map.containsKey("amount")) {
            return Map.of("amount", new BigDecimal((String) map.get("amount")).negate().toPlainString(), "currency", map.get("currency"));
        }
        return Map.of("net", negated(map.get("net")), "tax", negated(map.get("tax")), "gross", negated(map.get("gross")));
    }

    private static Map<String, Object> sum(Map<String, Object> a, Map<String, Object> b) {
        return Map.of("net", add(a.get("net"), b.get("net")), "tax", add(a.get("tax"), b.get("tax")),
                "gross", add(a.get("gross"), b.get("gross")));
    }

    private static Map<String, Object> add(Object a, Object b) {
        BigDecimal total = new BigDecimal(amount(a)).add(new BigDecimal(amount(b)));
        return Map.of("amount", total.toPlainString(), "currency", Shop.map(a).get("currency"));
    }

    /** The amount as the English PDF prints it, e.g. {@code €1,234.50} or {@code -A$1,787.37}. */
    private static String english(Object money) {
        Map<String, Object> map = Shop.map(money);
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.ENGLISH);
        format.setCurrency(Currency.getInstance((String) map.get("currency")));
        return format.format(new BigDecimal((String) map.get("amount")));
    }

    private static String text(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            StringBuilder text = new StringBuilder();
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString().replaceAll("[ \\u00A0]+", " ");
        } finally {
            reader.close();
        }
    }

    record Download(int status, byte[] body, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst().map(e -> e.getValue().get(0)).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + headers + (body.length < 2000 ? " " + new String(body, StandardCharsets.UTF_8) : "");
        }
    }

    private Download download(String token, String path, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).GET();
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
