package com.cspdesk.adapters.persistence.cancellation;

import com.cspdesk.adapters.persistence.OnMariaDb;
import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.application.cancellation.port.out.Credits;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.ordering.port.out.Orders.StoredOrder;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.money.PriceQuote;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.cspdesk.contracts.CancellationFixtures.credit;
import static com.cspdesk.contracts.CancellationFixtures.note;
import static com.cspdesk.contracts.CancellationFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

/** How credit notes are stored (the rows); what the port does is {@link com.cspdesk.contracts.CreditsContract}'s. */
@MicronautTest(startApplication = false, transactional = false)
class CreditsJdbcAdapterTest extends OnMariaDb {

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
}
