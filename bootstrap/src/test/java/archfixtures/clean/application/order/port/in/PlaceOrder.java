package archfixtures.clean.application.order.port.in;

import archfixtures.clean.domain.Money;
import java.util.List;

public interface PlaceOrder {

    Result place(Command command);

    record Command(String customer, List<Money> lines) {
        public Command {
            lines = List.copyOf(lines);
        }
    }

    sealed interface Result permits Placed, Rejected {
    }

    record Placed(String orderId) implements Result {
    }

    record Rejected(Reason reason) implements Result {

        public int httpLikeCode() {
            switch (reason) {
                case EMPTY:
                    return 422;
                default:
                    return 409;
            }
        }
    }

    enum Reason { EMPTY, DUPLICATE }
}
