package com.cspdesk.contracts;

import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.cancellation.port.out.Credits;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.invoicing.MonthlyInvoicing;
import com.cspdesk.application.invoicing.port.in.InvoiceViews.Amounts;
import com.cspdesk.application.invoicing.port.in.InvoiceViews.InvoiceLineView;
import com.cspdesk.application.invoicing.port.in.InvoiceViews.InvoiceRunView;
import com.cspdesk.application.invoicing.port.in.InvoiceViews.InvoiceView;
import com.cspdesk.application.invoicing.port.out.InvoiceRuns;
import com.cspdesk.application.invoicing.port.in.InvoiceViews;
import com.cspdesk.application.invoicing.port.out.Invoices;
import com.cspdesk.application.invoicing.port.out.RenewalCharges;
import com.cspdesk.application.invoicing.port.out.JobLock;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.ordering.port.out.Orders.StoredOrder;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.domain.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import static com.cspdesk.contracts.InvoicingFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What every {@link Invoices} must do: one invoice per billing month and currency, made from every
 * charge (order line) and credit (credit note, shown negative) not yet on an invoice that occurred
 * before the month's end — each item on exactly one invoice, totals to the cent, no empty invoice, a
 * re-created month refused with nothing taken, and an invoice kept even when the caller's unit fails.
 * Re-runs of the monthly invoicing change nothing. Each test starts from an empty store.
 */
public abstract class InvoicesContract extends PortContract {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);
    private static final Instant DEC_1 = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant JAN_1 = Instant.parse("2027-01-01T00:00:00Z");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency HUF = Currency.getInstance("HUF");

    private InvoicingFixtures fixtures;

    /** Empties every store the invoices are made from and kept in (each test starts from nothing). */
    protected abstract void startFromNothing();

    @BeforeEach
    void emptyStores() {
        startFromNothing();
        fixtures = new InvoicingFixtures(port(Customers.class), port(Orders.class), port(Credits.class));
    }

    @Test
    void novembersInvoiceTakesNovembersItemsAndDecembersTakesDecembersCreditNothingTwiceTotalsToTheCent() {
        String contoso = fixtures.customer("Contoso GmbH");
        String fabrikam = fixtures.customer("Fabrikam Kft.");
        StoredOrder o1 = fixtures.order(contoso, "EUR", Instant.parse("2026-11-05T10:00:00Z"),
                line("100.10", "19.02"), line("0.05", "0.01"));
        StoredOrder o2 = fixtures.order(fabrikam, "EUR", Instant.parse("2026-11-30T23:59:59.999999Z"),
                line("3629.40", "689.59"));
        StoredOrder o3 = fixtures.order(contoso, "EUR", DEC_1, line("10.00", "1.90"));
        fixtures.order(fabrikam, "HUF", Instant.parse("2026-11-10T08:00:00Z"), line("2215800.00", "598266.00"));
        fixtures.credit(o1, 2, Instant.parse("2026-11-25T12:00:00Z"));
        fixtures.credit(o2, 1, Instant.parse("2026-12-03T09:41:07.123456Z"));
        assertThat(port(Invoices.class).currenciesToInvoice(DEC_1)).containsExactly(EUR, HUF);

        Instant issued = Instant.parse("2026-12-01T00:05:00.000001Z");
        int novemberLines = create("INV-2026-11-EUR", NOVEMBER, EUR, DEC_1, issued);

        assertThat(novemberLines).isEqualTo(4);
        assertThat(port(Invoices.class).exists(NOVEMBER, EUR)).isTrue();
        assertThat(port(Invoices.class).exists(NOVEMBER, HUF)).isFalse();
        assertThat(port(Invoices.class).currenciesToInvoice(DEC_1)).containsExactly(HUF);
        InvoiceView november = port(Invoices.class).find("INV-2026-11-EUR").orElseThrow();
        assertThat(november.billingMonth()).isEqualTo(NOVEMBER);
        assertThat(november.currency()).isEqualTo(EUR);
        assertThat(november.issuedAt()).isEqualTo(issued);
        assertThat(november.lineCount()).isEqualTo(4);
        assertThat(november.charges()).isEqualTo(amounts("3729.55", "708.62", "4438.17"));
        assertThat(november.credits()).isEqualTo(amounts("-0.05", "-0.01", "-0.06"));
        assertThat(november.total()).isEqualTo(amounts("3729.50", "708.61", "4438.11"));
        assertThat(port(Invoices.class).lines("INV-2026-11-EUR")).containsExactly(
                new InvoiceLineView("charge", contoso, "Contoso GmbH", o1.id(), 1, "SQL Server 2022 Standard #1",
                        o1.createdAt(), amounts("100.10", "19.02", "119.12")),
                new InvoiceLineView("charge", contoso, "Contoso GmbH", o1.id(), 2, "SQL Server 2022 Standard #2",
                        o1.createdAt(), amounts("0.05", "0.01", "0.06")),
                new InvoiceLineView("charge", fabrikam, "Fabrikam Kft.", o2.id(), 1, "SQL Server 2022 Standard #1",
                        o2.createdAt(), amounts("3629.40", "689.59", "4318.99")),
                new InvoiceLineView("credit", contoso, "Contoso GmbH", o1.id(), 2, "SQL Server 2022 Standard #2",
                        Instant.parse("2026-11-25T12:00:00Z"), amounts("-0.05", "-0.01", "-0.06")));

        assertThat(port(Invoices.class).currenciesToInvoice(JAN_1)).containsExactly(EUR, HUF);
        int decemberLines = create("INV-2026-12-EUR", DECEMBER, EUR, JAN_1, Instant.parse("2027-01-01T00:05:00Z"));

        assertThat(decemberLines).isEqualTo(2);
        InvoiceView december = port(Invoices.class).find("INV-2026-12-EUR").orElseThrow();
        assertThat(december.charges()).isEqualTo(amounts("10.00", "1.90", "11.90"));
        assertThat(december.credits()).isEqualTo(amounts("-3629.40", "-689.59", "-4318.99"));
        assertThat(december.total()).isEqualTo(amounts("-3619.40", "-687.69", "-4307.09"));
        assertThat(port(Invoices.class).lines("INV-2026-12-EUR"))
                .extracting(l -> l.kind() + " " + l.orderId() + "/" + l.lineItemNumber())
                .containsExactly("charge " + o3.id() + "/1", "credit " + o2.id() + "/1");
        // Every EUR item is on exactly one invoice; nothing is left.
        assertThat(port(Invoices.class).lines("INV-2026-11-EUR").size() + port(Invoices.class).lines("INV-2026-12-EUR").size())
                .isEqualTo(6);
        assertThat(port(Invoices.class).currenciesToInvoice(JAN_1)).containsExactly(HUF);
        assertThat(create("INV-2027-01-EUR", YearMonth.of(2027, 1), EUR, Instant.parse("2027-02-01T00:00:00Z"),
                Instant.parse("2027-02-01T00:05:00Z"))).isZero();
    }

    @Test
    void aForintInvoiceKeepsItsFillerAndOtherCurrenciesStayOff() {
        String fabrikam = fixtures.customer("Fabrikam Kft.");
        fixtures.order(fabrikam, "HUF", Instant.parse("2026-11-10T08:00:00Z"), line("2215800.00", "598266.00"),
                line("315360.50", "85147.34"));
        fixtures.order(fabrikam, "EUR", Instant.parse("2026-11-10T08:00:00Z"), line("1.00", "0.19"));

        assertThat(create("INV-2026-11-HUF", NOVEMBER, HUF, DEC_1, DEC_1)).isEqualTo(2);

        InvoiceView invoice = port(Invoices.class).find("INV-2026-11-HUF").orElseThrow();
        assertThat(invoice.total()).isEqualTo(new Amounts(Money.of("2531160.50", "HUF"), Money.of("683413.34", "HUF"),
                Money.of("3214573.84", "HUF")));
        assertThat(invoice.credits()).isEqualTo(new Amounts(Money.zero(HUF), Money.zero(HUF), Money.zero(HUF)));
        assertThat(port(Invoices.class).currenciesToInvoice(DEC_1)).containsExactly(EUR);
    }

    @Test
    void reCreatingAnInvoicedMonthIsRefusedAndTakesNothing() {
        String contoso = fixtures.customer("Contoso GmbH");
        fixtures.order(contoso, "EUR", Instant.parse("2026-11-05T10:00:00Z"), line("100.00", "19.00"));
        create("INV-2026-11-EUR", NOVEMBER, EUR, DEC_1, DEC_1);
        StoredOrder late = fixtures.order(contoso, "EUR", Instant.parse("2026-11-06T10:00:00Z"), line("5.00", "0.95"));

        Throwable refused = catchThrowable(() -> create("INV-2026-11-EUR-again", NOVEMBER, EUR, DEC_1, DEC_1));

        assertThat(refused).isNotNull();
        assertThat(port(Invoices.class).find("INV-2026-11-EUR-again")).isEmpty();
        assertThat(port(Invoices.class).find("INV-2026-11-EUR").orElseThrow().total()).isEqualTo(amounts("100.00",
                "19.00", "119.00"));
        assertThat(port(Invoices.class).count()).isEqualTo(1);
        // The late order stays to be invoiced: the next month takes it.
        assertThat(create("INV-2026-12-EUR", DECEMBER, EUR, JAN_1, JAN_1)).isEqualTo(1);
        assertThat(port(Invoices.class).lines("INV-2026-12-EUR")).extracting(InvoiceLineView::orderId).containsExactly(late.id());
    }

    @Test
    void anInvoiceIsCommittedByCreateItselfNotUndoneWithTheCallersTransaction() {
        String contoso = fixtures.customer("Contoso GmbH");
        fixtures.order(contoso, "EUR", Instant.parse("2026-11-05T10:00:00Z"), line("100.00", "19.00"));

        Throwable failed = catchThrowable(() -> inTransaction(() -> {
            port(Invoices.class).create("INV-2026-11-EUR", NOVEMBER, EUR, DEC_1, DEC_1);
            throw new IllegalStateException("the caller fails after the invoice was made");
        }));

        assertThat(failed).hasMessageContaining("the caller fails");
        assertThat(port(Invoices.class).exists(NOVEMBER, EUR)).isTrue();
        assertThat(port(Invoices.class).lines("INV-2026-11-EUR")).hasSize(1);
    }

    /**
     * The scheduler's hourly check, as it runs: once a month is invoiced it finds nothing to do
     * (and currenciesToInvoice reads only from that month's end on); a currency with nothing new
     * gets no (empty) invoice; a month with only a credit is invoiced; an order created before a
     * month's end but committed after its run is on the next invoice.
     */
    @Test
    void theHourlyCheckMakesNoEmptyInvoiceInvoicesAMonthOfOnlyCreditsAndMissesNoLateOrder() {
        String contoso = fixtures.customer("Contoso GmbH");
        StoredOrder november = fixtures.order(contoso, "EUR", Instant.parse("2026-11-05T10:00:00Z"),
                line("100.00", "19.00"), line("10.00", "1.90"));
        fixtures.order(contoso, "HUF", Instant.parse("2026-11-10T10:00:00Z"), line("1000.00", "270.00"));

        InvoiceRunView novembersRun = hourlyCheckAt("2026-12-01T01:00:00Z").orElseThrow();
        assertThat(novembersRun.status()).isEqualTo("completed");
        assertThat(novembersRun.invoicesCreated()).isEqualTo(2);
        assertThat(hourlyCheckAt("2026-12-01T02:00:00Z")).isEmpty();
        assertThat(port(Invoices.class).currenciesToInvoice(DEC_1)).isEmpty();

        // Created in November, committed after November's run: not on November's invoice.
        fixtures.order(contoso, "EUR", Instant.parse("2026-11-30T23:59:59.999999Z"), line("1.00", "0.19"));
        assertThat(port(Invoices.class).currenciesToInvoice(DEC_1)).containsExactly(EUR);
        assertThat(hourlyCheckAt("2026-12-01T03:00:00Z")).as("November has its EUR invoice").isEmpty();
        fixtures.credit(november, 2, Instant.parse("2026-12-03T09:00:00Z"));

        InvoiceRunView decembersRun = hourlyCheckAt("2027-01-01T01:00:00Z").orElseThrow();
        assertThat(decembersRun.status()).isEqualTo("completed");
        assertThat(decembersRun.currenciesTotal()).as("HUF had nothing new").isEqualTo(1);
        assertThat(decembersRun.invoicesCreated()).isEqualTo(1);
        assertThat(port(Invoices.class).exists(DECEMBER, HUF)).isFalse();
        assertThat(port(Invoices.class).count()).isEqualTo(3);
        assertThat(port(Invoices.class).lines("INV-2026-12-EUR")).extracting(InvoiceLineView::kind, InvoiceLineView::description)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("charge", "SQL Server 2022 Standard #1"),
                        org.assertj.core.groups.Tuple.tuple("credit", "SQL Server 2022 Standard #2"));
        assertThat(hourlyCheckAt("2027-01-01T02:00:00Z")).isEmpty();
        assertThat(hourlyCheckAt("2027-02-01T01:00:00Z")).as("a month with nothing: no run").isEmpty();
        assertThat(port(Invoices.class).count()).as("no empty invoice").isEqualTo(3);
    }

    /** An invoice of only credits: a cancellation in a month without orders in its currency. */
    @Test
    void aMonthWithOnlyACreditIsInvoiced() {
        String contoso = fixtures.customer("Contoso GmbH");
        StoredOrder november = fixtures.order(contoso, "EUR", Instant.parse("2026-11-05T10:00:00Z"),
                line("100.00", "19.00"));
        assertThat(hourlyCheckAt("2026-12-01T01:00:00Z")).isPresent();
        fixtures.credit(november, 1, Instant.parse("2026-12-20T09:00:00Z"));

        assertThat(port(Invoices.class).currenciesToInvoice(JAN_1)).containsExactly(EUR);
        assertThat(hourlyCheckAt("2027-01-01T01:00:00Z").orElseThrow().invoicesCreated()).isEqualTo(1);

        InvoiceView december = port(Invoices.class).find("INV-2026-12-EUR").orElseThrow();
        assertThat(december.lineCount()).isEqualTo(1);
        assertThat(december.charges()).isEqualTo(amounts("0.00", "0.00", "0.00"));
        assertThat(december.total()).isEqualTo(amounts("-100.00", "-19.00", "-119.00"));
    }

    private Optional<InvoiceRunView> hourlyCheckAt(String now) {
        return new MonthlyInvoicing(port(Invoices.class), port(InvoiceRuns.class), port(JobLock.class), work -> {
            work.run();
            return true;
        }, port(ActivityLog.class), port(Transactions.class),
                Clock.fixed(Instant.parse(now), ZoneOffset.UTC), new NoBusinessMetrics()).invoiceLastMonth();
    }

    @Test
    void nothingToInvoiceAnswersZeroAndLeavesNoInvoice() {
        String contoso = fixtures.customer("Contoso GmbH");
        fixtures.order(contoso, "EUR", DEC_1, line("100.00", "19.00"));

        assertThat(port(Invoices.class).currenciesToInvoice(DEC_1)).isEmpty();
        assertThat(create("INV-2026-11-EUR", NOVEMBER, EUR, DEC_1, DEC_1)).isZero();

        assertThat(port(Invoices.class).exists(NOVEMBER, EUR)).isFalse();
        assertThat(port(Invoices.class).find("INV-2026-11-EUR")).isEmpty();
        assertThat(port(Invoices.class).lines("INV-2026-11-EUR")).isEmpty();
        assertThat(port(Invoices.class).count()).isZero();
        assertThat(port(Invoices.class).page(Optional.empty(), 10)).isEmpty();
    }

    @Test
    void aChargeWithoutItsCustomerRowIsInvoicedUnderItsTenantId() {
        String unknown = "0b7e1f3c-0000-4000-8000-000000000001";
        fixtures.order(unknown, "EUR", Instant.parse("2026-11-05T10:00:00Z"), line("1.00", "0.19"));

        assertThat(create("INV-2026-11-EUR", NOVEMBER, EUR, DEC_1, DEC_1)).isEqualTo(1);

        assertThat(port(Invoices.class).lines("INV-2026-11-EUR")).extracting(InvoiceLineView::customerName).containsExactly(unknown);
    }

    @Test
    void pagesNewestMonthFirstThenCurrencyAfterTheCursor() {
        String contoso = fixtures.customer("Contoso GmbH");
        List<YearMonth> months = List.of(YearMonth.of(2026, 9), YearMonth.of(2026, 10), NOVEMBER);
        for (YearMonth month : months) {
            Instant during = month.atDay(10).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
            Instant until = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
            for (String currency : List.of("USD", "EUR", "HUF")) {
                fixtures.order(contoso, currency, during, line("1.00", "0.00"));
                create("INV-" + month + "-" + currency, month, Currency.getInstance(currency), until, until);
            }
        }

        List<String> seen = new ArrayList<>();
        Optional<Invoices.Cursor> after = Optional.empty();
        List<List<String>> pages = new ArrayList<>();
        do {
            List<InvoiceView> page = port(Invoices.class).page(after, 4);
            pages.add(page.stream().map(InvoiceView::id).toList());
            page.forEach(i -> seen.add(i.id()));
            after = page.size() < 4 ? Optional.empty()
                    : Optional.of(new Invoices.Cursor(page.get(3).billingMonth(), page.get(3).currency().getCurrencyCode()));
        } while (after.isPresent());

        assertThat(pages).containsExactly(
                List.of("INV-2026-11-EUR", "INV-2026-11-HUF", "INV-2026-11-USD", "INV-2026-10-EUR"),
                List.of("INV-2026-10-HUF", "INV-2026-10-USD", "INV-2026-09-EUR", "INV-2026-09-HUF"),
                List.of("INV-2026-09-USD"));
        assertThat(port(Invoices.class).count()).isEqualTo(9);
        assertThat(port(Invoices.class).page(Optional.empty(), 0)).isEmpty();
        assertThat(port(Invoices.class).find("no-such-invoice")).isEmpty();
    }

    private int create(String id, YearMonth month, Currency currency, Instant until, Instant issuedAt) {
        return inTransaction(() -> port(Invoices.class).create(id, month, currency, until, issuedAt));
    }

    private static Amounts amounts(String net, String tax, String gross) {
        return new Amounts(Money.of(net, "EUR"), Money.of(tax, "EUR"), Money.of(gross, "EUR"));
    }

    private static Amounts forint(String net, String tax, String gross) {
        return new Amounts(Money.of(net, "HUF"), Money.of(tax, "HUF"), Money.of(gross, "HUF"));
    }

    @Test
    void aRenewedTermIsChargedInTheMonthItStartsAndALinesSeveralCreditsEachLandOnce() {
        String contoso = fixtures.customer("Contoso GmbH");
        StoredOrder order = fixtures.order(contoso, "EUR", Instant.parse("2025-12-10T10:00:00Z"), line("100.00", "19.00"));
        Instant renewed = Instant.parse("2026-12-10T10:00:00Z");
        inTransaction(() -> {
            port(RenewalCharges.class).add(new RenewalCharges.RenewalCharge(order.id(), 1, 2, contoso,
                    order.lines().get(0).charged(), renewed, Instant.parse("2027-12-10T10:00:00Z"), renewed));
            return null;
        });
        fixtures.credit(order, 1, Instant.parse("2026-12-11T00:00:00Z"));
        fixtures.goodwill(order, 1, "1.19", Instant.parse("2026-12-12T00:00:00Z"));
        fixtures.goodwill(order, 1, "2.38", Instant.parse("2026-12-13T00:00:00Z"));
        assertThat(create("INV-2025-12-EUR", YearMonth.of(2025, 12), EUR, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:05:00Z"))).isEqualTo(1);

        assertThat(create("INV-2026-12-EUR", DECEMBER, EUR, JAN_1, Instant.parse("2027-01-01T00:05:00Z"))).isEqualTo(4);
        assertThat(port(Invoices.class).lines("INV-2026-12-EUR"))
                .extracting(l -> l.kind() + " " + l.occurredAt() + " " + l.amounts().gross().amount())
                .containsExactly("charge " + renewed + " 119.00", "credit 2026-12-11T00:00:00Z -119.00",
                        "credit 2026-12-12T00:00:00Z -1.19", "credit 2026-12-13T00:00:00Z -2.38");
        assertThat(port(Invoices.class).currenciesToInvoice(Instant.parse("2027-02-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void theUnbilledItemsAreWhatTheNextInvoiceWouldTakeAndReconciliationReadsTheInvoicedOnesOfAPeriod() {
        String contoso = fixtures.customer("Contoso GmbH");
        StoredOrder november = fixtures.order(contoso, "EUR", Instant.parse("2026-11-05T10:00:00Z"), line("100.00", "19.00"));
        StoredOrder december = fixtures.order(contoso, "EUR", Instant.parse("2026-12-02T10:00:00Z"), line("10.00", "1.90"),
                line("20.00", "3.80"));
        StoredOrder forint = fixtures.order(contoso, "HUF", Instant.parse("2026-12-03T10:00:00Z"), line("1000.00", "270.00"));
        fixtures.goodwill(november, 1, "5.00", Instant.parse("2026-12-02T11:00:00Z"));
        Instant now = Instant.parse("2026-12-04T12:00:00Z");
        assertThat(port(Invoices.class).unbilled(now, Optional.empty(), 10)).hasSize(5);
        create("INV-2026-11-EUR", NOVEMBER, EUR, DEC_1, Instant.parse("2026-12-01T00:05:00Z"));

        List<InvoiceViews.BillingItem> unbilled = port(Invoices.class).unbilled(now, Optional.empty(), 10);
        assertThat(unbilled).extracting(i -> i.line().kind() + " " + i.line().orderId() + "/" + i.line().lineItemNumber()
                        + " " + i.line().amounts().gross().amount() + " " + i.currency())
                .containsExactly("charge " + december.id() + "/1 11.90 EUR", "charge " + december.id() + "/2 23.80 EUR",
                        "credit " + november.id() + "/1 -5.00 EUR", "charge " + forint.id() + "/1 1270.00 HUF");
        assertThat(unbilled).allSatisfy(i -> assertThat(i.invoiceId()).isEmpty());
        // Pages: after the second item.
        InvoiceViews.BillingItem second = unbilled.get(1);
        assertThat(port(Invoices.class).unbilled(now, Optional.of(new Invoices.ItemCursor(second.line().occurredAt().toString(),
                second.line().kind(), second.line().orderId(), second.line().lineItemNumber(), second.seq())), 10))
                .containsExactlyElementsOf(unbilled.subList(2, 4));
        assertThat(port(Invoices.class).unbilled(Instant.parse("2026-12-02T10:30:00Z"), Optional.empty(), 10)).hasSize(2);
        assertThat(port(Invoices.class).unbilledTotals(now)).containsExactly(
                new InvoiceViews.UnbilledTotals(EUR, 3, amounts("30.00", "5.70", "35.70"), amounts("-5.00", "0.00", "-5.00"),
                        amounts("25.00", "5.70", "30.70")),
                new InvoiceViews.UnbilledTotals(HUF, 1, forint("1000.00", "270.00", "1270.00"), forint("0.00", "0.00", "0.00"),
                        forint("1000.00", "270.00", "1270.00")));

        List<InvoiceViews.BillingItem> invoiced = port(Invoices.class).invoiced(Instant.parse("2026-11-01T00:00:00Z"), DEC_1,
                Optional.empty(), 10);
        assertThat(invoiced).hasSize(1);
        assertThat(invoiced.get(0).invoiceId()).contains("INV-2026-11-EUR");
        assertThat(invoiced.get(0).billingMonth()).contains(NOVEMBER);
        assertThat(invoiced.get(0).line().orderId()).isEqualTo(november.id());
        assertThat(port(Invoices.class).invoiced(Instant.parse("2026-11-06T00:00:00Z"), DEC_1, Optional.empty(), 10)).isEmpty();
        InvoiceViews.BillingItem only = invoiced.get(0);
        assertThat(port(Invoices.class).invoiced(Instant.parse("2026-11-01T00:00:00Z"), DEC_1, Optional.of(new Invoices.ItemCursor(
                only.invoiceId().orElseThrow(), only.line().kind(), only.line().orderId(), only.line().lineItemNumber(), only.seq())),
                10)).isEmpty();
    }
}
