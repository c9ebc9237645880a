package archfixtures.access.domaininjson.adapters.web.orders;

import archfixtures.access.domaininjson.domain.money.Money;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Violation: a JSON body carries domain types, directly and as a list's element. */
public class OrdersController {

    public OrderResponse read() {
        return new OrderResponse("o-1", new Money(100, "EUR"), List.of());
    }

    @Serdeable
    public record OrderResponse(String id, Money total, List<LineJson> lines) {
    }

    @Serdeable
    public record LineJson(int number, List<Money> charges) {
    }
}
