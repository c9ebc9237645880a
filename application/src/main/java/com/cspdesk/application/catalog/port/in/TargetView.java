package com.cspdesk.application.catalog.port.in;

import com.cspdesk.domain.catalog.ProductKind;

import java.util.Arrays;
import java.util.Optional;

/** The catalog views of api.md, after Partner Center's {@code targetView}. */
public enum TargetView {
    SOFTWARE("Software"),
    SOFTWARE_PERPETUAL("SoftwarePerpetual"),
    SOFTWARE_SUBSCRIPTIONS("SoftwareSubscriptions"),
    AZURE_RESERVATIONS_VM("AzureReservationsVM"),
    AZURE_RESERVATIONS_SQL("AzureReservationsSQL");

    private final String code;

    TargetView(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<TargetView> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equalsIgnoreCase(code)).findFirst();
    }

    /** Software is everything that is not an Azure reservation; the others are one kind each. */
    public boolean includes(ProductKind kind) {
        return switch (this) {
            case SOFTWARE -> !kind.isAzureReservation();
            case SOFTWARE_PERPETUAL -> kind == ProductKind.PERPETUAL_SOFTWARE;
            case SOFTWARE_SUBSCRIPTIONS -> kind == ProductKind.WINDOWS_SERVER_SUBSCRIPTION
                    || kind == ProductKind.SQL_SERVER_SUBSCRIPTION || kind.isLinuxSoftwarePlan();
            case AZURE_RESERVATIONS_VM -> kind == ProductKind.AZURE_RESERVATION_VM;
            case AZURE_RESERVATIONS_SQL -> kind == ProductKind.AZURE_RESERVATION_SQL;
        };
    }

    /** The view a product is shown under as its type. */
    public static TargetView of(ProductKind kind) {
        return switch (kind) {
            case AZURE_RESERVATION_VM -> AZURE_RESERVATIONS_VM;
            case AZURE_RESERVATION_SQL -> AZURE_RESERVATIONS_SQL;
            case PERPETUAL_SOFTWARE -> SOFTWARE_PERPETUAL;
            default -> SOFTWARE_SUBSCRIPTIONS;
        };
    }
}
