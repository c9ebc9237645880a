package com.cspdesk.adapters.web.applications;

import com.cspdesk.adapters.web.api.ResourceCollection;
import com.cspdesk.application.identity.port.in.ApplicationView;
import com.cspdesk.application.identity.port.in.IssuedSecret;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/** The JSON of {@code /v1/applications}. A secret appears only in the answer that made it. */
final class ApplicationRequests {

    private ApplicationRequests() {
    }

    /** The API document's item type of GET /v1/applications (a ResourceCollection of these). */
    record ApplicationItems(List<ApplicationResponse> items) {
    }

    /** {@code POST /v1/applications}: the name is checked by the core (so its refusal has the field's message). */
    @Serdeable
    record RegisterApplicationRequest(@Nullable @Size(max = 400) String name, @NotEmpty @Size(max = 7) List<String> roles) {
    }

    @Serdeable
    record CredentialResponse(String id, String hint, Instant createdAt, @Nullable Instant revokedAt, String status) {

        static CredentialResponse of(ApplicationView.CredentialView credential) {
            return new CredentialResponse(credential.id(), credential.hint(), credential.createdAt(),
                    credential.revokedAt().orElse(null), credential.revokedAt().isPresent() ? "revoked" : "active");
        }
    }

    /** An application: {@code id} is its OAuth {@code client_id}; {@code status} {@code active} or {@code revoked}. */
    @Serdeable
    record ApplicationResponse(String id, String name, List<String> roles, String status, Instant createdAt, String createdBy,
                               @Nullable Instant revokedAt, List<CredentialResponse> credentials) {

        static ApplicationResponse of(ApplicationView application) {
            return new ApplicationResponse(application.id(), application.name(),
                    application.roles().stream().map(Enum::name).sorted().toList(),
                    application.revokedAt().isPresent() ? "revoked" : "active", application.createdAt(),
                    application.createdBy(), application.revokedAt().orElse(null),
                    application.credentials().stream().map(CredentialResponse::of).toList());
        }
    }

    /** {@code POST /v1/applications} → 201: the application, its client id and its first secret, shown this once. */
    @Serdeable
    record RegisteredResponse(String id, String name, List<String> roles, String status, Instant createdAt, String createdBy,
                              List<CredentialResponse> credentials, String clientId, String credentialId, String clientSecret) {

        static RegisteredResponse of(ApplicationView application, IssuedSecret secret) {
            ApplicationResponse view = ApplicationResponse.of(application);
            return new RegisteredResponse(view.id(), view.name(), view.roles(), view.status(), view.createdAt(), view.createdBy(),
                    view.credentials(), application.id(), secret.credentialId(), secret.secret());
        }

        @Override
        public String toString() {
            return "RegisteredResponse[id=" + id + ", credentialId=" + credentialId + ", clientSecret=***]";
        }
    }

    /** {@code POST /v1/applications/{id}/secrets} → 201: the new secret, shown this once. */
    @Serdeable
    record NewCredentialResponse(String id, String applicationId, String hint, Instant createdAt, String status,
                                 String clientId, String clientSecret) {

        static NewCredentialResponse of(IssuedSecret secret) {
            return new NewCredentialResponse(secret.credentialId(), secret.applicationId(), secret.hint(), secret.createdAt(),
                    "active", secret.applicationId(), secret.secret());
        }

        @Override
        public String toString() {
            return "NewCredentialResponse[id=" + id + ", applicationId=" + applicationId + ", clientSecret=***]";
        }
    }
}
