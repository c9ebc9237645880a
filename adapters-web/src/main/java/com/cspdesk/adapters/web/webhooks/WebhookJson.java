package com.cspdesk.adapters.web.webhooks;

import com.cspdesk.application.webhooks.port.in.WebhookRegistrationView;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/** The JSON of {@code /webhooks/v1}, in Partner Center's PascalCase. A secret appears only in the answer that made it. */
final class WebhookJson {

    static final String ENABLED = "enabled";
    static final String DISABLED = "disabled";

    private WebhookJson() {
    }

    /** {@code POST} and {@code PUT /webhooks/v1/registration}: both fields are checked by the core (refusals name them). */
    @Serdeable
    record RegistrationRequest(@JsonProperty("WebhookUrl") @Nullable String webhookUrl,
                               @JsonProperty("WebhookEvents") @Nullable @Size(max = 64) List<String> webhookEvents) {
    }

    /**
     * The registration as Partner Center answers it; {@code SubscriberId} is the registration's id. Ours
     * besides: {@code Status} ({@code disabled} once the desk switched it off for failing for days),
     * since when its deliveries fail and when it was switched off, {@code null} when not so.
     */
    @Serdeable
    record RegistrationResponse(@JsonProperty("SubscriberId") String subscriberId,
                                @JsonProperty("WebhookUrl") String webhookUrl,
                                @JsonProperty("WebhookEvents") List<String> webhookEvents,
                                @JsonProperty("Status") @Schema(allowableValues = {ENABLED, DISABLED},
                                        requiredMode = Schema.RequiredMode.REQUIRED) String status,
                                // Written as null while empty, so a client reads the key unconditionally.
                                @JsonProperty("FailingSince") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Instant failingSince,
                                @JsonProperty("DisabledAt") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Instant disabledAt) {

        static RegistrationResponse of(WebhookRegistrationView registration) {
            return new RegistrationResponse(registration.id(), registration.url(), registration.events(),
                    registration.disabledAt().isPresent() ? DISABLED : ENABLED,
                    registration.failingSince().orElse(null), registration.disabledAt().orElse(null));
        }
    }

    /**
     * {@code POST /webhooks/v1/registration} → 201: the registration and its signing secret, shown this once
     * (Standard Webhooks' {@code whsec_} form).
     */
    @Serdeable
    record RegisteredResponse(@JsonProperty("SubscriberId") String subscriberId,
                              @JsonProperty("WebhookUrl") String webhookUrl,
                              @JsonProperty("WebhookEvents") List<String> webhookEvents,
                              @JsonProperty("SigningSecret") String signingSecret) {

        static RegisteredResponse of(WebhookRegistrationView registration, String secret) {
            return new RegisteredResponse(registration.id(), registration.url(), registration.events(), secret);
        }

        @Override
        public String toString() {
            return "RegisteredResponse[SubscriberId=" + subscriberId + ", SigningSecret=***]";
        }
    }

    /** {@code POST /webhooks/v1/registration/secret} → 201: the new signing secret, shown this once. */
    @Serdeable
    record SecretResponse(@JsonProperty("SubscriberId") String subscriberId,
                          @JsonProperty("SigningSecret") String signingSecret) {

        @Override
        public String toString() {
            return "SecretResponse[SubscriberId=" + subscriberId + ", SigningSecret=***]";
        }
    }
}
