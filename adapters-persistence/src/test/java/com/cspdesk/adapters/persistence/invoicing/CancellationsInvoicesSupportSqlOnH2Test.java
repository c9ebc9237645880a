package com.cspdesk.adapters.persistence.invoicing;

import com.cspdesk.adapters.persistence.shared.DuplicateKeys;
import com.cspdesk.application.cancellation.port.out.Credits;
import com.cspdesk.application.cancellation.port.out.OrderCancellations;
import com.cspdesk.application.cancellation.port.out.SoftwareRevocations;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.invoicing.port.in.InvoiceViews.InvoiceLineView;
import com.cspdesk.application.invoicing.port.in.InvoiceViews.InvoiceRunView;
import com.cspdesk.application.invoicing.port.in.InvoiceViews.InvoiceView;
import com.cspdesk.application.invoicing.port.out.InvoiceRuns;
import com.cspdesk.application.invoicing.port.out.Invoices;
import com.cspdesk.application.invoicing.port.out.JobLock;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.ordering.port.out.Orders.StoredOrder;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.software.port.out.DownloadLinks;
import com.cspdesk.application.software.port.out.Entitlements;
import com.cspdesk.application.support.port.in.ServiceRequestView;
import com.cspdesk.application.support.port.out.ServiceRequests;
import com.cspdesk.domain.catalog.Bitness;
import com.cspdesk.domain.catalog.ContractType;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.SoftwareLanguage;
import com.cspdesk.domain.catalog.SoftwareVersion;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.order.LineStatus;
import com.cspdesk.domain.order.OrderStatus;
import com.cspdesk.domain.software.DownloadLink;
import com.cspdesk.adapters.persistence.testing.H2InMySqlMode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static com.cspdesk.adapters.persistence.invoicing.InvoicingFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The embedded demo runs on H2 in MySQL mode: V5 and every statement of the cancellation, credit,
 * invoice, invoice-run, job-lock (ShedLock) and support adapters must run there too. (Behaviour is
 * tested on MariaDB.)
 */
class CancellationsInvoicesSupportSqlOnH2Test {

    private static final Instant NOV = Instant.parse("2026-11-21T15:23:14.998601Z");
    private static final Instant DEC_1 = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void theNewStatementsRunOnH2InMySqlMode() {
        try (ApplicationContext context = H2InMySqlMode.start()) {
            Transactions transactions = context.getBean(Transactions.class);
            InvoicingFixtures fixtures = new InvoicingFixtures(context.getBean(Customers.class), context.getBean(Orders.class),
                    context.getBean(Credits.class), transactions, context.getBean(JdbcOperations.class));
            fixtures.clear();
            String tenant = fixtures.customer("Contoso GmbH");
            StoredOrder order = fixtures.order(tenant, "EUR", NOV, line("100.10", "19.02"), line("0.05", "0.01"));

            // Cancellation: lock, mark, revoke, credit.
            OrderCancellations cancellations = context.getBean(OrderCancellations.class);
            StoredOrder locked = transactions.inTransaction(() -> cancellations.lockForCancellation(tenant, order.id())).orElseThrow();
            assertThat(locked.lines()).hasSize(2);
            Entitlements.Entitlement entitlement = new Entitlements.Entitlement(UUID.randomUUID().toString(), tenant,
                    order.id(), 2, "DG7GMGF0MGVZ", "0001", "SQL Server 2022 Standard", ContractType.PERPETUAL, NOV,
                    List.of(SoftwareVersion.of("2022")), Set.of(SoftwareLanguage.of("de-DE")), Set.of(Bitness.X64), true);
            context.getBean(Entitlements.class).grant(List.of(entitlement));
            context.getBean(DownloadLinks.class).add(new DownloadLinks.StoredLink("link-1", entitlement.id(), tenant,
                    SoftwareVersion.of("2022"), SoftwareLanguage.of("de-DE"), Bitness.X64, DownloadLink.issuedAt(NOV), "agent"));
            PriceQuote credit = order.lines().get(1).charged();
            Instant cancelledAt = Instant.parse("2026-11-25T12:00:00.000001Z");
            int revoked = transactions.inTransaction(() -> {
                cancellations.markCancelled(order.id(), List.of(new OrderCancellations.CancelledLine(2, credit, cancelledAt)),
                        OrderStatus.COMPLETED);
                return context.getBean(SoftwareRevocations.class).revoke(order.id(), List.of(2));
            });
            assertThat(revoked).isEqualTo(1);
            assertThat(context.getBean(DownloadLinks.class).findForUpdate("link-1").orElseThrow().link().revoked()).isTrue();
            assertThat(context.getBean(Orders.class).find(tenant, order.id()).orElseThrow().lines().get(1).status())
                    .isEqualTo(LineStatus.CANCELLED);
            Credits credits = context.getBean(Credits.class);
            fixtures.credit(order, 2, cancelledAt);
            assertThat(DuplicateKeys.isDuplicateKey(catchThrowable(() -> fixtures.credit(order, 2, cancelledAt)))).isTrue();
            assertThat(credits.reservationRefundsSince(tenant, NOV)).isEmpty();

            // Invoices.
            Invoices invoices = context.getBean(Invoices.class);
            Currency eur = Currency.getInstance("EUR");
            assertThat(invoices.currenciesToInvoice(DEC_1)).containsExactly(eur);
            assertThat(transactions.inTransaction(() -> invoices.create("INV-2026-11-EUR", YearMonth.of(2026, 11), eur,
                    DEC_1, DEC_1))).isEqualTo(3);
            assertThat(transactions.inTransaction(() -> invoices.create("INV-2026-12-EUR", YearMonth.of(2026, 12), eur,
                    Instant.parse("2027-01-01T00:00:00Z"), DEC_1))).isZero();
            assertThat(DuplicateKeys.isDuplicateKey(catchThrowable(() -> transactions.inTransaction(() ->
                    invoices.create("INV-x", YearMonth.of(2026, 11), eur, DEC_1, DEC_1))))).isTrue();
            assertThat(invoices.exists(YearMonth.of(2026, 11), eur)).isTrue();
            assertThat(invoices.currenciesToInvoice(DEC_1)).isEmpty();
            InvoiceView invoice = invoices.find("INV-2026-11-EUR").orElseThrow();
            assertThat(invoice.total().gross()).isEqualTo(Money.of("119.12", "EUR"));
            assertThat(invoice.credits().gross()).isEqualTo(Money.of("-0.06", "EUR"));
            assertThat(invoices.page(Optional.empty(), 5)).containsExactly(invoice);
            assertThat(invoices.page(Optional.of(new Invoices.Cursor(YearMonth.of(2026, 12), "EUR")), 5)).containsExactly(invoice);
            assertThat(invoices.count()).isEqualTo(1);
            assertThat(invoices.lines(invoice.id())).extracting(InvoiceLineView::kind, InvoiceLineView::description)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("charge", "SQL Server 2022 Standard #1"),
                            org.assertj.core.groups.Tuple.tuple("charge", "SQL Server 2022 Standard #2"),
                            org.assertj.core.groups.Tuple.tuple("credit", "SQL Server 2022 Standard #2"));

            // Invoice runs and the job lock.
            InvoiceRuns runs = context.getBean(InvoiceRuns.class);
            InvoiceRunView run = new InvoiceRunView("run-1", YearMonth.of(2026, 11), "running", DEC_1, Optional.empty(),
                    0, 0, 0, "scheduler");
            runs.save(run);
            InvoiceRunView done = new InvoiceRunView("run-1", YearMonth.of(2026, 11), "completed", DEC_1,
                    Optional.of(DEC_1.plusSeconds(3)), 1, 1, 1, "scheduler");
            runs.save(done);
            assertThat(runs.find("run-1")).contains(done);
            JobLock lock = context.getBean(JobLock.class);
            AtomicBoolean inner = new AtomicBoolean(true);
            assertThat(lock.runExclusively("monthly-invoicing", Duration.ofMinutes(1), () ->
                    inner.set(lock.runExclusively("monthly-invoicing-other", Duration.ofMinutes(1), () -> { })))).isTrue();
            assertThat(inner).isTrue();
            assertThat(lock.runExclusively("monthly-invoicing", Duration.ofMinutes(1), () -> { })).isTrue();

            // Support requests with an attachment.
            ServiceRequests requests = context.getBean(ServiceRequests.class);
            ServiceRequestView request = new ServiceRequestView("sr-1", "open", "csp_purchase_refund", "low", "Refund",
                    new ServiceRequestView.Description(tenant, Optional.of(order.id()), Optional.empty(), "twice",
                            Money.of("119.12", "EUR")),
                    new ServiceRequestView.Contact("Anna", "anna@partner.example", "+36 1 234 5678"), NOV, "agent", List.of());
            requests.add(request);
            byte[] content = {'%', 'P', 'D', 'F', '-', 0, (byte) 0xFF, 10};
            ServiceRequestView.AttachmentView attachment = new ServiceRequestView.AttachmentView("att-1", "a.pdf",
                    "application/pdf", content.length, NOV);
            requests.addAttachment("sr-1", attachment, content);
            assertThat(requests.find("sr-1").orElseThrow().attachments()).containsExactly(attachment);
            assertThat(requests.page(Optional.empty(), Optional.empty(), 5)).hasSize(1);
            assertThat(requests.page(Optional.empty(), Optional.of(new ServiceRequests.Cursor(NOV.plusSeconds(1), "x")), 5)).hasSize(1);
            assertThat(requests.count(Optional.empty())).isEqualTo(1);
            assertThat(requests.attachmentContent("sr-1", "att-1")).hasValueSatisfying(b -> assertThat(b).isEqualTo(content));
        }
    }
}
