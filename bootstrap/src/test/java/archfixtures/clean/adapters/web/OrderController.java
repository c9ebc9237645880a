package archfixtures.clean.adapters.web;

import archfixtures.clean.application.order.port.in.PlaceOrder;
import archfixtures.clean.domain.Money;
import io.micronaut.http.HttpResponse;
import java.util.List;

/** Like a controller, without {@code @Controller} (no bean definition may leak out of the fixtures). */
public class OrderController {

    private final PlaceOrder placeOrder;

    public OrderController(PlaceOrder placeOrder) {
        this.placeOrder = placeOrder;
    }

    public HttpResponse<?> place(String customer, List<Money> lines) {
        PlaceOrder.Result result = placeOrder.place(new PlaceOrder.Command(customer, lines));
        if (result instanceof PlaceOrder.Placed placed) {
            return HttpResponse.created(placed.orderId());
        }
        return HttpResponse.unprocessableEntity();
    }
}
