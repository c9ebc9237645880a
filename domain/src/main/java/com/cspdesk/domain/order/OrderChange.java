package com.cspdesk.domain.order;

import java.util.Objects;
import java.util.Optional;

/** The result of an order transition: the changed order, or a refusal that changed nothing. */
public sealed interface OrderChange {

    /** The transition happened; {@code order} is the order after it. */
    record Applied(Order order) implements OrderChange {
        public Applied {
            Objects.requireNonNull(order, "order");
        }
    }

    /** The transition was refused for {@code reason}, on {@code lineItemNumber} when one line is to blame. */
    record Refused(OrderRefusal reason, Optional<Integer> lineItemNumber) implements OrderChange {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(lineItemNumber, "lineItemNumber");
        }

        static Refused of(OrderRefusal reason) {
            return new Refused(reason, Optional.empty());
        }

        static Refused onLine(OrderRefusal reason, int lineItemNumber) {
            return new Refused(reason, Optional.of(lineItemNumber));
        }
    }
}
