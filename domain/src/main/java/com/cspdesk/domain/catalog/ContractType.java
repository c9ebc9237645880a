package com.cspdesk.domain.catalog;

import java.util.Arrays;
import java.util.Optional;

/** How a product is sold; {@link #code()} is the API's {@code contractType} value. */
public enum ContractType {
    /** Bought once, used for ever; spec "Post-cancellation details": 100 % credit when cancelled. */
    PERPETUAL("perpetual"),
    /** Windows Server and SQL Server subscriptions of one or three years; prorated credit when cancelled. */
    SUBSCRIPTION("subscription"),
    /** Azure reservations (VM, SQL) of one or three years; prorated credit, self-service refunds capped. */
    RESERVATION("reservation"),
    /** SUSE Linux and Red Hat software plans in Azure; spec "Cancel a purchase": never cancellable. */
    SOFTWARE_PLAN("softwarePlan");

    private final String code;

    ContractType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ContractType> fromCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code.equals(code)).findFirst();
    }
}
