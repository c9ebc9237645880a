package com.cspdesk.adapters.persistence.cancellation;

import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.adapters.persistence.shared.OrderRows;
import com.cspdesk.adapters.persistence.shared.StoredInDatabase;
import com.cspdesk.application.cancellation.port.out.OrderCancellations;
import com.cspdesk.application.ordering.port.out.Orders.StoredOrder;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.order.LineStatus;
import com.cspdesk.domain.order.OrderStatus;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cancellation on the stored orders. The order row and then its lines are read with
 * {@code SELECT … FOR UPDATE} (always in that order, so two cancellations cannot deadlock on them):
 * a second cancellation of the same order waits for the first to commit and then reads what it
 * wrote. Both methods join the caller's transaction, which is what keeps the lock.
 * The rows are read as the orders adapter reads them ({@link OrderRows}).
 */
@StoredInDatabase
@Singleton
@Transactional
class OrderCancellationsJdbcAdapter implements OrderCancellations {

    private final JdbcOperations jdbc;

    OrderCancellationsJdbcAdapter(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<StoredOrder> lockForCancellation(String customerTenantId, String orderId) {
        // The customer first: its reservation refund allowance (50,000 USD a year) is shared by all
        // its orders, so cancellations of two different orders of one customer must not both read
        // the old total. Always customer, then order: no two cancellations wait for each other in a circle.
        // Written, not only locked: on a Galera cluster another node does not see this row lock, but two
        // nodes' writes of the row conflict at certification and one unit runs again (V24).
        JdbcRows.update(jdbc, "UPDATE customer SET cancellation_serial = cancellation_serial + 1 WHERE tenant_id = ?",
                customerTenantId);
        Optional<StoredOrder> head = JdbcRows.one(jdbc, OrderRows.ORDER + " WHERE customer_tenant_id = ? AND id = ? FOR UPDATE",
                OrderRows::head, customerTenantId, orderId);
        return head.map(order -> OrderRows.withLines(order, JdbcRows.list(jdbc, OrderRows.LINE
                + " WHERE order_id = ? AND customer_tenant_id = ? ORDER BY line_item_number FOR UPDATE",
                row -> OrderRows.line(row, order.currency()), order.id(), customerTenantId)));
    }

    @Override
    public void markCancelled(String orderId, List<CancelledLine> lines, OrderStatus newStatus) {
        for (CancelledLine line : lines) {
            int updated = JdbcRows.update(jdbc, "UPDATE order_line SET status = ?, credited_net = ?, credited_tax = ?,"
                            + " credited_gross = ?, cancelled_at = ? WHERE order_id = ? AND line_item_number = ?",
                    LineStatus.CANCELLED.code(), line.credit().net(), line.credit().tax(), line.credit().gross(),
                    line.cancelledAt(), orderId, line.lineItemNumber());
            if (updated != 1) {
                throw new IllegalStateException("no line " + line.lineItemNumber() + " in order " + orderId);
            }
        }
        int updated = JdbcRows.update(jdbc, "UPDATE customer_order SET status = ? WHERE id = ?", newStatus.code(), orderId);
        if (updated != 1) {
            throw new IllegalStateException("no order " + orderId + " to mark " + newStatus.code());
        }
    }

    /** The charge check in the statement itself: a line is never credited beyond what it charged. */
    @Override
    public void addCredits(String orderId, Map<Integer, PriceQuote> credits) {
        credits.forEach((number, credit) -> {
            int updated = JdbcRows.update(jdbc, "UPDATE order_line SET credited_net = credited_net + ?,"
                            + " credited_tax = credited_tax + ?, credited_gross = credited_gross + ?"
                            + " WHERE order_id = ? AND line_item_number = ? AND credited_net + ? <= net"
                            + " AND credited_tax + ? <= tax AND credited_gross + ? <= gross",
                    credit.net().amount(), credit.tax().amount(), credit.gross().amount(), orderId, number,
                    credit.net().amount(), credit.tax().amount(), credit.gross().amount());
            if (updated != 1) {
                throw new IllegalStateException("order " + orderId + " line " + number + " is not there or would be credited"
                        + " beyond its charge");
            }
        });
    }
}
