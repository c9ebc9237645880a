package archfixtures.clean.application.order;

import archfixtures.clean.application.order.port.in.PlaceOrder;
import archfixtures.clean.application.order.port.out.Orders;
import archfixtures.clean.application.shared.port.out.Transactions;
import archfixtures.clean.domain.order.Order;
import java.time.Clock;
import java.util.UUID;

public final class PlacingOrders implements PlaceOrder {

    private final Orders orders;
    private final Transactions transactions;
    private final Clock clock;

    public PlacingOrders(Orders orders, Transactions transactions, Clock clock) {
        this.orders = orders;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Result place(Command command) {
        if (command.lines().isEmpty()) {
            return new Rejected(Reason.EMPTY);
        }
        return transactions.inTransaction(() -> {
            Order order = Order.place(UUID.randomUUID().toString(), command.lines(), clock);
            orders.save(order);
            return new Placed(order.id());
        });
    }
}
