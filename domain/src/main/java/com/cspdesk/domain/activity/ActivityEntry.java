package com.cspdesk.domain.activity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One record of the activity log (api.md "Activity log", after Partner Center's audit records):
 * what happened, to what, by whom, for which customer. {@code customizedData} keeps its order.
 * Never holds a secret: a key or a token is referred to, not copied.
 *
 * <p>{@code operationType} and {@code resourceType} are our kinds as recorded and hashed (an
 * {@link ActivityCatalogue.Operation} and {@link ActivityCatalogue.Resource} kind); Partner Center's
 * names for them come from the {@link ActivityCatalogue} when a record is read.
 */
public record ActivityEntry(Instant operationDate, String operationType, String operationStatus,
                            String userPrincipalName, String applicationId, String customerId,
                            String customerName, String resourceType, String resourceId,
                            Map<String, String> customizedData) {

    /** The statuses a record has; both are Partner Center's {@code operationStatus} values. */
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    /**
     * The {@code customizedData} key naming the download link a record is about. With the token
     * secret a link id rebuilds a working link, so it is shown only to who may make links.
     */
    public static final String LINK_ID = "linkId";

    public ActivityEntry {
        Objects.requireNonNull(operationDate, "operationDate");
        Objects.requireNonNull(operationType, "operationType");
        Objects.requireNonNull(operationStatus, "operationStatus");
        Objects.requireNonNull(userPrincipalName, "userPrincipalName");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(resourceId, "resourceId");
        // Stored to the microsecond (DATETIME(6)); truncating here keeps the hash stable.
        operationDate = operationDate.truncatedTo(ChronoUnit.MICROS);
        customizedData = customizedData == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(customizedData));
    }

    /** The chain an entry belongs to: its customer's, or the partner's own for partner-wide actions. */
    public String chainKey() {
        return customerId == null || customerId.isBlank() ? ActivityChain.PARTNER_CHAIN : customerId;
    }
}
