package archfixtures.clean.domain.order;

import archfixtures.clean.domain.Money;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Uses records, enums, a switch over an enum, lambdas, arrays and primitives: none of it is a dependency to flag. */
public record Order(String id, List<Money> lines, Status status, Instant placedAt) {

    public enum Status { PLACED, CANCELLED }

    public static Order place(String id, List<Money> lines, Clock clock) {
        return new Order(id, List.copyOf(lines), Status.PLACED, clock.instant());
    }

    public Money total() {
        return lines.stream().reduce(Money::plus).orElseThrow();
    }

    public boolean cancellable() {
        switch (status) {
            case PLACED:
                return true;
            default:
                return false;
        }
    }

    public byte[] fingerprint() {
        int[] sizes = {lines.size()};
        return new byte[] {(byte) sizes[0]};
    }
}
