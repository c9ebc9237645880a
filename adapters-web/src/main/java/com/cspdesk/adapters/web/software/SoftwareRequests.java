package com.cspdesk.adapters.web.software;

import com.cspdesk.adapters.web.api.ResourceCollection;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

final class SoftwareRequests {

    private SoftwareRequests() {
    }

    /** The API document's item type of GET /v1/customers/{customerId}/software (a ResourceCollection of these). */
    record SoftwareItems(List<SoftwareResponse> items) {
    }

    /**
     * Body of {@code POST …/keys} and {@code POST …/downloadlinks}: the choice of "Get keys and
     * downloads". Only presence and size are checked here; whether the choice is offered is the
     * use case's to say (it names the field).
     */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ChoiceRequest(@NotBlank @Size(max = 64) String version,
                         @NotBlank @Size(max = 64) String language,
                         @NotBlank @Size(max = 16) String bitness) {
    }

    @Serdeable
    record SoftwareResponse(String id, String orderId, int lineItemNumber, String productId, String skuId,
                            String productName, String contractType, Instant purchaseDate, String status,
                            List<String> versions, List<String> languages, List<String> bitness, boolean keyAvailable) {
    }

    /** Never logged: {@link #toString()} masks the key. */
    @Serdeable
    record KeyResponse(String productKey, String version, String language, String bitness) {
        @Override
        public String toString() {
            return "KeyResponse[productKey=*****, version=" + version + ", language=" + language + ", bitness=" + bitness + "]";
        }
    }

    /** The link is a credential (like a signed URL): {@link #toString()} leaves it out. */
    @Serdeable
    record LinkResponse(String uri, Instant expiresAt, int downloadsRemaining, String sha256, long sizeBytes,
                        String fileName) {
        @Override
        public String toString() {
            return "LinkResponse[uri=***, expiresAt=" + expiresAt + ", fileName=" + fileName + "]";
        }
    }
}
