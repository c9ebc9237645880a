package archfixtures.access.clean.adapters.web.orders;

import archfixtures.access.clean.domain.money.Money;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Clean: @Secured only opens routes, JSON shapes are the adapter's own (a domain type may be mapped from). */
@Secured(SecurityRule.IS_AUTHENTICATED)
public class OrdersController {

    @Secured(SecurityRule.IS_ANONYMOUS)
    public OrderResponse read() {
        return OrderResponse.of(new Money(100, "EUR"));
    }

    @Serdeable
    public record OrderResponse(String id, MoneyJson total, List<MoneyJson> lines) {

        static OrderResponse of(Money money) {
            MoneyJson json = new MoneyJson(String.valueOf(money.cents()), money.currency());
            return new OrderResponse("o-1", json, List.of(json));
        }
    }

    @Serdeable
    public record MoneyJson(String amount, String currency) {
    }
}
