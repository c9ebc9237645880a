package archfixtures.applicationusesframework.application.order;

import io.micronaut.core.annotation.NonNull;

/** Violation: framework annotations (jakarta, Micronaut) in the application. */
public class PlacingOrders {

    @NonNull
    public String place(@jakarta.annotation.Nullable String note) {
        return note == null ? "" : note;
    }
}
