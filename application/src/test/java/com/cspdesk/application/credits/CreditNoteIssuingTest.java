package com.cspdesk.application.credits;

import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.cancellation.port.out.Credits;
import com.cspdesk.application.cancellation.port.out.OrderCancellations;
import com.cspdesk.application.credits.port.in.IssueCreditNote;
import com.cspdesk.application.credits.port.in.IssueCreditNote.NewCreditNote;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.activity.ActivityEntry;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.credit.CreditReason;
import com.cspdesk.domain.customer.CustomerRef;
import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.market.Market;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.order.LineStatus;
import com.cspdesk.domain.order.OrderStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class CreditNoteIssuingTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final String TENANT = "11111111-1111-4111-8111-111111111111";
    private static final CustomerRef REF = CustomerRef.parse(TENANT).orElseThrow();
    private static final Actor ACCOUNT_ADMIN = Actor.partner("account.admin@partner.example", Role.ACCOUNT_ADMIN);
    private static final Currency EUR = Currency.getInstance("EUR");

    private final Customers customers = mock(Customers.class);
    private final OrderCancellations orders = mock(OrderCancellations.class);
    private final Credits credits = mock(Credits.class);
    private final ActivityLog activityLog = mock(ActivityLog.class);
    private final Transactions transactions = mock(Transactions.class);
    private final CreditNoteIssuing issuing = new CreditNoteIssuing(customers, orders, credits, activityLog, transactions,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void setUp() {
        when(transactions.inTransaction(any())).thenAnswer(call -> ((Supplier<?>) call.getArgument(0)).get());
        when(customers.byTenantId(TENANT)).thenReturn(Optional.of(new Customers.Customer(TENANT, "Contoso GmbH",
                "contoso.example", Market.of("DE"), NOW)));
        when(orders.lockForCancellation(TENANT, "order-1")).thenReturn(Optional.of(order()));
    }

    @Test
    void rolesWithoutTheRightTouchNothing() {
        for (Role role : Role.values()) {
            if (Permission.ISSUE_CREDIT_NOTE.roles().contains(role)) {
                continue;
            }
            Actor actor = role.isCustomerRole() ? Actor.customer("admin@contoso.example", TENANT) : Actor.partner("x", role);
            assertThat(issuing.issue(command("50.00", "EUR", "goodwill", "late"), actor))
                    .isEqualTo(new IssueCreditNote.NotPermitted(Permission.ISSUE_CREDIT_NOTE));
        }
        verifyNoInteractions(customers, orders, credits, activityLog, transactions);
    }

    @Test
    void aGoodwillCreditIsRecordedOnItsLinesAddedToThemAndLoggedOnce() {
        IssueCreditNote.IssueResult result = issuing.issue(command("150.00", "EUR", "Goodwill", "  late keys "), ACCOUNT_ADMIN);

        IssueCreditNote.CreditNoteView note = ((IssueCreditNote.Issued) result).note();
        assertThat(note.total().gross()).isEqualTo(Money.of("150.00", "EUR"));
        assertThat(note.explanation()).isEqualTo("late keys");
        assertThat(note.issuedAt()).isEqualTo(NOW);
        assertThat(note.lines()).extracting(IssueCreditNote.LineCredit::lineItemNumber).containsExactly(0, 1);
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<Credits.CreditNote>> issued = ArgumentCaptor.forClass(List.class);
        verify(credits).issue(issued.capture());
        assertThat(issued.getValue()).allSatisfy(n -> {
            assertThat(n.reason()).isEqualTo(CreditReason.GOODWILL);
            assertThat(n.explanation()).contains("late keys");
            assertThat(n.sourceRef()).isEmpty();
            assertThat(n.issuedBy()).isEqualTo("account.admin@partner.example");
        });
        verify(orders).addCredits("order-1", Map.of(0, note.lines().get(0).credit(), 1, note.lines().get(1).credit()));
        ArgumentCaptor<ActivityEntry> logged = ArgumentCaptor.forClass(ActivityEntry.class);
        verify(activityLog).append(logged.capture());
        assertThat(logged.getValue().operationType()).isEqualTo("issue_credit");
        assertThat(logged.getValue().resourceId()).isEqualTo(note.id());
        assertThat(logged.getValue().customizedData()).containsEntry("orderId", "order-1").containsEntry("reason", "goodwill")
                .containsEntry("gross", "150.00");
    }

    @Test
    void refusalsStoreNothing() {
        assertThat(issuing.issue(command("238.01", "EUR", "goodwill", "x"), ACCOUNT_ADMIN))
                .isEqualTo(new IssueCreditNote.Refused("credit_exceeds_creditable", Optional.of(Money.of("238.00", "EUR"))));
        assertThat(issuing.issue(command("1.00", "EUR", "gift", "x"), ACCOUNT_ADMIN))
                .isEqualTo(new IssueCreditNote.Refused("credit_reason_unknown", Optional.empty()));
        assertThat(issuing.issue(command("1.001", "EUR", "refund", "x"), ACCOUNT_ADMIN))
                .isEqualTo(new IssueCreditNote.Refused("credit_amount_invalid", Optional.empty()));
        assertThat(issuing.issue(command("1.00", "EUR", "refund", ""), ACCOUNT_ADMIN))
                .extracting(r -> ((IssueCreditNote.Refused) r).code()).isEqualTo("credit_explanation_missing");
        assertThat(issuing.issue(new NewCreditNote(REF, "order-2", "goodwill", "1.00", "EUR", "x"), ACCOUNT_ADMIN))
                .isEqualTo(new IssueCreditNote.OrderNotFound());
        assertThat(issuing.issue(new NewCreditNote(CustomerRef.parse("22222222-2222-4222-8222-222222222222").orElseThrow(),
                "order-1", "goodwill", "1.00", "EUR", "x"), ACCOUNT_ADMIN)).isEqualTo(new IssueCreditNote.CustomerNotFound());
        verify(credits, never()).issue(any());
        verify(orders, never()).addCredits(any(), anyMap());
        verifyNoInteractions(activityLog);
    }

    @Test
    void aSourceCreditsOnce() {
        when(credits.issuedFor(CreditReason.REFUND, "SR-1")).thenReturn(true);
        Customers.Customer customer = customers.byTenantId(TENANT).orElseThrow();

        assertThat(issuing.credit(order(), customer, CreditReason.REFUND, Money.of("10.00", "EUR"), "approved",
                Optional.of("SR-1"), Actor.partner("support", Role.SUPPORT_STAFF))).isEqualTo(new IssueCreditNote.AlreadyCredited());
        verify(credits, never()).issue(any());
    }

    private static NewCreditNote command(String amount, String currency, String reason, String explanation) {
        return new NewCreditNote(REF, "order-1", reason, amount, currency, explanation);
    }

    /** Two lines of 100 + 19 each, nothing credited. */
    private static Orders.StoredOrder order() {
        List<Orders.StoredLine> lines = List.of(line(0), line(1));
        return new Orders.StoredOrder("order-1", TENANT, "one_time", EUR, NOW.minusSeconds(86_400), OrderStatus.COMPLETED,
                PriceQuote.total(EUR, lines.stream().map(Orders.StoredLine::charged).toList()), "agent", lines);
    }

    private static Orders.StoredLine line(int number) {
        PriceQuote charged = PriceQuote.fromNetAndTax(Money.of("100.00", "EUR"), Money.of("19.00", "EUR"));
        return new Orders.StoredLine(number, "P:0001:A", "P", "0001", "A", "Thing " + number, ProductKind.PERPETUAL_SOFTWARE,
                TermDuration.NONE, 1, Money.of("100.00", "EUR"), charged, false, LineStatus.ACTIVE, PriceQuote.zero(EUR),
                Optional.empty());
    }
}
