package com.cspdesk.adapters.web.webhooks;

import com.cspdesk.application.webhooks.port.in.WebhookRegistrationView;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The JSON of {@code /webhooks/v1}, in Partner Center's PascalCase. A secret appears only in the answer that made it. */
final class WebhookJson {

    private WebhookJson() {
    }

    /** {@code POST} and {@code PUT /webhooks/v1/registration}: both fields are checked by the core (refusals name them). */
    @Serdeable
    record RegistrationRequest(@JsonProperty("WebhookUrl") @Nullable String webhookUrl,
                               @JsonProperty("WebhookEvents") @Nullable @Size(max = 64) List<String> webhookEvents) {
    }

    /** The registration as Partner Center answers it; {@code SubscriberId} is the registration's id. */
    @Serdeable
    record RegistrationResponse(@JsonProperty("SubscriberId") String subscriberId,
                                @JsonProperty("WebhookUrl") String webhookUrl,
                                @JsonProperty("WebhookEvents") List<String> webhookEvents) {

        static RegistrationResponse of(WebhookRegistrationView registration) {
            return new RegistrationResponse(registration.id(), registration.url(), registration.events());
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
