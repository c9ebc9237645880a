package com.cspdesk.adapters.persistence.cancellation;

import com.cspdesk.adapters.persistence.OnMariaDb;
import com.cspdesk.adapters.persistence.shared.DuplicateKeys;
import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.application.cancellation.port.out.Credits;
import com.cspdesk.application.cancellation.port.out.Credits.CreditNote;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.ordering.port.out.Orders.StoredOrder;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.cspdesk.adapters.persistence.cancellation.CancellationFixtures.credit;
import static com.cspdesk.adapters.persistence.cancellation.CancellationFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

@MicronautTest(startApplication = false, transactional = false)
class CreditsJdbcAdapterTest extends OnMariaDb {

    private static final Instant SINCE = Instant.parse("2026-01-15T00:00:00Z");

    @Inject
    Credits credits;
    @Inject
    Orders orders;
    @Inject
    Transactions transactions;
    @Inject
    JdbcOperations jdbc;

    @Test
    void issuesCreditNotesWithTheirAmountsAndKind() {
        StoredOrder order = order(UUID.randomUUID().toString(), 2, ProductKind.PERPETUAL_SOFTWARE);
        orders.add(order);
        Instant issued = Instant.parse("2026-12-03T09:41:07.123456Z");

        credits.issue(List.of(note(order, 1, ProductKind.PERPETUAL_SOFTWARE, credit("3629.40", "689.59"), issued),
                note(order, 2, ProductKind.PERPETUAL_SOFTWARE, credit("1.00", "0.19"), issued)));

        List<String> rows = transactions.inTransaction(() -> JdbcRows.list(jdbc, "SELECT line_item_number, product_kind,"
                        + " currency, net, tax, gross, issued_at, issued_by FROM credit_note WHERE order_id = ?"
                        + " ORDER BY line_item_number",
                row -> row.getInt(1) + "|" + row.getString(2) + "|" + row.getString(3) + "|"
                        + JdbcRows.money(row, "net", order.currency()).amount() + "|"
                        + JdbcRows.money(row, "tax", order.currency()).amount() + "|"
                        + JdbcRows.money(row, "gross", order.currency()).amount() + "|"
                        + JdbcRows.instant(row, "issued_at") + "|" + row.getString(8), order.id()));
        assertThat(rows).containsExactly(
                "1|PERPETUAL_SOFTWARE|EUR|3629.40|689.59|4318.99|" + issued + "|admin.agent@partner.demo",
                "2|PERPETUAL_SOFTWARE|EUR|1.00|0.19|1.19|" + issued + "|admin.agent@partner.demo");
    }

    @Test
    void aSecondCreditForTheSameLineIsRefusedByTheUniqueKeyAndTakesNothingWithIt() {
        StoredOrder order = order(UUID.randomUUID().toString(), 2, ProductKind.PERPETUAL_SOFTWARE);
        orders.add(order);
        Instant issued = Instant.parse("2026-12-03T09:41:07Z");
        credits.issue(List.of(note(order, 1, ProductKind.PERPETUAL_SOFTWARE, credit("10.00", "1.90"), issued)));

        Throwable refused = catchThrowable(() -> credits.issue(List.of(
                note(order, 2, ProductKind.PERPETUAL_SOFTWARE, credit("10.00", "1.90"), issued),
                note(order, 1, ProductKind.PERPETUAL_SOFTWARE, credit("10.00", "1.90"), issued))));

        assertThat(DuplicateKeys.isDuplicateKey(refused)).isTrue();
        assertThat(transactions.inTransaction(() -> JdbcRows.count(jdbc,
                "SELECT COUNT(*) FROM credit_note WHERE order_id = ?", order.id()))).isEqualTo(1);
    }

    @Test
    void reservationRefundsSinceADateCountOnlyThatCustomersReservations() {
        String tenant = UUID.randomUUID().toString();
        StoredOrder vm = order(tenant, 2, ProductKind.AZURE_RESERVATION_VM);
        StoredOrder sql = order(tenant, 1, ProductKind.AZURE_RESERVATION_SQL);
        StoredOrder software = order(tenant, 1, ProductKind.WINDOWS_SERVER_SUBSCRIPTION);
        StoredOrder otherCustomers = order(UUID.randomUUID().toString(), 1, ProductKind.AZURE_RESERVATION_VM);
        List.of(vm, sql, software, otherCustomers).forEach(orders::add);
        credits.issue(List.of(
                note(vm, 1, ProductKind.AZURE_RESERVATION_VM, credit("100.00", "19.00"), SINCE.minusNanos(1000)),
                note(vm, 2, ProductKind.AZURE_RESERVATION_VM, credit("200.00", "38.00"), SINCE),
                note(sql, 1, ProductKind.AZURE_RESERVATION_SQL, credit("300.00", "57.00"), SINCE.plusSeconds(86_400))));
        credits.issue(List.of(note(software, 1, ProductKind.WINDOWS_SERVER_SUBSCRIPTION, credit("400.00", "76.00"),
                SINCE.plusSeconds(3600))));
        credits.issue(List.of(note(otherCustomers, 1, ProductKind.AZURE_RESERVATION_VM, credit("500.00", "95.00"),
                SINCE.plusSeconds(3600))));

        List<Money> refunds = credits.reservationRefundsSince(tenant, SINCE);

        assertThat(refunds).containsExactly(Money.of("238.00", "EUR"), Money.of("357.00", "EUR"));
        assertThat(credits.reservationRefundsSince(tenant, SINCE.plusSeconds(86_401))).isEmpty();
        assertThat(credits.reservationRefundsSince(UUID.randomUUID().toString(), SINCE)).isEmpty();
    }

    private static CreditNote note(StoredOrder order, int line, ProductKind kind, PriceQuote credit, Instant issuedAt) {
        return new CreditNote(UUID.randomUUID().toString(), order.customerTenantId(), order.id(), line, kind, credit,
                issuedAt, "admin.agent@partner.demo");
    }
}
