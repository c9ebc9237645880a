package archfixtures.clean.application.shared.port.out;

import java.util.function.Supplier;

public interface Transactions {

    <T> T inTransaction(Supplier<T> work);
}
