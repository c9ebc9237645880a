package archfixtures.clean.bootstrap;

import archfixtures.clean.adapters.persistence.JdbcOrders;
import archfixtures.clean.adapters.web.OrderController;
import archfixtures.clean.application.order.PlacingOrders;
import archfixtures.clean.application.shared.port.out.Transactions;
import java.time.Clock;
import java.util.function.Supplier;
import javax.sql.DataSource;

/** The composition root: it alone sees every layer (like a {@code @Factory}, without the annotation). */
public class Wiring {

    public OrderController orderController(DataSource dataSource) {
        Transactions direct = new Transactions() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                return work.get();
            }
        };
        return new OrderController(new PlacingOrders(new JdbcOrders(dataSource), direct, Clock.systemUTC()));
    }
}
