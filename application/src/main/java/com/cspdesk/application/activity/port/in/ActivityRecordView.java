package com.cspdesk.application.activity.port.in;

import java.time.Instant;
import java.util.Map;

/** One activity record as api.md shows it. */
public record ActivityRecordView(String id, Instant operationDate, String operationType, String operationStatus,
                                 String userPrincipalName, String applicationId, String customerId, String customerName,
                                 String resourceType, String resourceId, Map<String, String> customizedData) {
}
