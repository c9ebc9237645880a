package com.cspdesk.adapters.web.webhooks;

import com.cspdesk.application.webhooks.port.in.WebhookDeliveryView;
import com.cspdesk.domain.webhooks.DeliveryStatus;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * The JSON of the registration's delivery log and of its validation events (issue #15 item 4). Every
 * field is written, {@code null} when empty, so a client reads each key unconditionally.
 */
final class WebhookDeliveryJson {

    private static final String PENDING = "pending";
    private static final String DELIVERED = "delivered";
    private static final String FAILED = "failed";

    private WebhookDeliveryJson() {
    }

    /** One delivery in a page of the log: where it stands and its last attempt's figures; {@code id} is its {@code webhook-id}. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DeliveryResponse(String id, String eventName, String resourceUri, Instant resourceChangeUtcDate,
                            @Schema(allowableValues = {PENDING, DELIVERED, FAILED}, requiredMode = Schema.RequiredMode.REQUIRED)
                            String status, int attemptCount,
                            @Nullable Instant lastAttemptAt, @Nullable Integer lastResponseCode,
                            @Nullable Instant nextAttemptAt, @Nullable Instant deliveredAt) {

        static DeliveryResponse of(WebhookDeliveryView delivery) {
            return new DeliveryResponse(delivery.id(), delivery.eventName(), delivery.resourceUri(), delivery.resourceChangedAt(),
                    delivery.status().wireName(), delivery.attemptCount(), delivery.lastAttemptAt().orElse(null),
                    delivery.lastResponseCode().orElse(null), delivery.nextAttemptAt().orElse(null),
                    delivery.deliveredAt().orElse(null));
        }
    }

    /** One delivery with every attempt, oldest first. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DeliveryDetailResponse(String id, String eventName, String resourceUri, Instant resourceChangeUtcDate,
                                  @Schema(allowableValues = {PENDING, DELIVERED, FAILED}, requiredMode = Schema.RequiredMode.REQUIRED)
                            String status, int attemptCount,
                                  @Nullable Instant lastAttemptAt, @Nullable Integer lastResponseCode,
                                  @Nullable Instant nextAttemptAt, @Nullable Instant deliveredAt, List<AttemptResponse> attempts) {

        static DeliveryDetailResponse of(WebhookDeliveryView delivery) {
            return new DeliveryDetailResponse(delivery.id(), delivery.eventName(), delivery.resourceUri(),
                    delivery.resourceChangedAt(), delivery.status().wireName(), delivery.attemptCount(),
                    delivery.lastAttemptAt().orElse(null), delivery.lastResponseCode().orElse(null),
                    delivery.nextAttemptAt().orElse(null), delivery.deliveredAt().orElse(null),
                    delivery.attempts().stream().map(AttemptResponse::of).toList());
        }
    }

    /**
     * One attempt: the receiver's status when it answered, else why there was no answer ({@code failure}, e.g.
     * {@code TIMEOUT}, with a short technical {@code detail}); {@code latencyMs} either way.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AttemptResponse(int number, Instant at, @Nullable Integer responseCode, long latencyMs, @Nullable String failure,
                           @Nullable String detail) {

        static AttemptResponse of(WebhookDeliveryView.Attempt attempt) {
            return new AttemptResponse(attempt.number(), attempt.at(), attempt.responseCode().orElse(null),
                    attempt.latencyMillis(), attempt.failure().orElse(null), attempt.detail().orElse(null));
        }
    }

    /** The API document's item type of the delivery log (GET /webhooks/v1/registration/deliveries). */
    record DeliveryItems(List<DeliveryResponse> items) {
    }

    /**
     * {@code GET /webhooks/v1/registration/validationEvents/{correlationId}}: Partner Center's answer about a
     * test event, one entry per delivery attempt ({@code completed} once the receiver took it).
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ValidationEventResponse(String correlationId,
                                   @Schema(allowableValues = {PENDING, "completed", FAILED}, requiredMode = Schema.RequiredMode.REQUIRED)
                                   String status,
                                   List<WebhookResponse> events) {

        static ValidationEventResponse of(String correlationId, WebhookDeliveryView delivery) {
            return new ValidationEventResponse(correlationId, validationStatus(delivery.status()),
                    delivery.attempts().stream().map(WebhookResponse::of).toList());
        }
    }

    /**
     * Partner Center's {@code WebhookResponse}: when an attempt was made, the receiver's status as text and
     * its reason phrase, or {@code systemError} when it did not answer (the message then says why).
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record WebhookResponse(Instant dateTimeUtc, @Nullable String responseCode, String responseMessage, boolean systemError) {

        static WebhookResponse of(WebhookDeliveryView.Attempt attempt) {
            if (attempt.responseCode().isPresent()) {
                int code = attempt.responseCode().get();
                return new WebhookResponse(attempt.at(), String.valueOf(code), reasonPhrase(code), false);
            }
            String failure = attempt.failure().orElse("NO_ANSWER");
            return new WebhookResponse(attempt.at(), null,
                    attempt.detail().filter(detail -> !detail.isBlank()).map(detail -> failure + ": " + detail).orElse(failure), true);
        }
    }

    static String validationStatus(DeliveryStatus status) {
        return switch (status) {
            case PENDING -> PENDING;
            case DELIVERED -> "completed";
            case FAILED -> FAILED;
        };
    }

    /** The standard reason phrase ({@code OK}, {@code Service Unavailable}), or {@code HTTP 599} for a code without one. */
    static String reasonPhrase(int code) {
        if (code == HttpStatus.OK.getCode()) {
            return "OK"; // RFC 9110's spelling (Micronaut writes "Ok"), as Partner Center's examples show it
        }
        try {
            return HttpStatus.valueOf(code).getReason();
        } catch (IllegalArgumentException unknown) {
            return "HTTP " + code;
        }
    }
}
