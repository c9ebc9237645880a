package com.cspdesk.application.activity.port.in;

import java.time.Instant;
import java.util.Map;

/**
 * One activity record as api.md shows it: {@code operationType} and {@code resourceType} are Partner
 * Center's names (always in its lists, {@code undefined} where it has none), {@code operationKind} and
 * {@code resourceKind} ours as recorded ({@code cancel_order} is PC's {@code update_order}); see
 * {@link com.cspdesk.domain.activity.ActivityCatalogue}.
 */
public record ActivityRecordView(String id, Instant operationDate, String operationType, String operationKind,
                                 String operationStatus, String userPrincipalName, String applicationId, String customerId,
                                 String customerName, String resourceType, String resourceKind, String resourceId,
                                 Map<String, String> customizedData) {
}
