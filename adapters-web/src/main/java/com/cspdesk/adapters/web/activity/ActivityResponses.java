package com.cspdesk.adapters.web.activity;

import com.cspdesk.adapters.web.api.ResourceCollection;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

final class ActivityResponses {

    private ActivityResponses() {
    }

    /** The API document's item type of GET /v1/auditrecords (a ResourceCollection of these). */
    record ActivityRecordItems(List<ActivityRecordResponse> items) {
    }

    /**
     * api.md "Activity log": one record; every field present, {@code null} when it has no value.
     * {@code operationType}, {@code resourceType} and {@code operationStatus} are always Partner
     * Center's values (its SDK fails a page on any other); {@code operationKind} and
     * {@code resourceKind} are ours, finer (PC's clients ignore them).
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ActivityRecordResponse(String id, Instant operationDate, String operationType, String operationKind,
                                  String operationStatus, @Nullable String userPrincipalName, @Nullable String applicationId,
                                  @Nullable String customerId, @Nullable String customerName,
                                  String resourceType, @Nullable String resourceKind, @Nullable String resourceId,
                                  List<KeyValue> customizedData) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record KeyValue(String key, @Nullable String value) {
    }

    /** {@code firstBrokenLink} only when a chain is broken. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VerificationResponse(long recordsChecked, int chainsChecked, boolean intact,
                                @Nullable BrokenLinkResponse firstBrokenLink) {
    }

    @Serdeable
    record BrokenLinkResponse(@Nullable String recordId, String chain, long sequence, String reason) {
    }
}
