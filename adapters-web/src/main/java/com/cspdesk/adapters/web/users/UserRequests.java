package com.cspdesk.adapters.web.users;

import com.cspdesk.adapters.web.api.ResourceCollection;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

final class UserRequests {

    private UserRequests() {
    }

    /** The API document's item type of GET /v1/users (a ResourceCollection of these). */
    record UserItems(List<UserResponse> items) {
    }

    /** {@code POST /v1/users}. The password never appears in {@link #toString()}. */
    @Serdeable
    record CreateUserRequest(@NotBlank @Size(max = 128) String username,
                             @NotBlank @Size(max = 256) String password,
                             @NotEmpty @Size(max = 7) List<String> roles,
                             @Nullable @Size(max = 64) String customerTenantId) {
        @Override
        public String toString() {
            return "CreateUserRequest[username=" + username + ", roles=" + roles + "]";
        }
    }

    /**
     * {@code PATCH /v1/users/{username}}: what is absent stays as it is. The password never appears
     * in {@link #toString()}.
     */
    @Serdeable
    record UpdateUserRequest(@Nullable @Size(max = 7) List<String> roles,
                             @Nullable @Size(max = 256) String password,
                             @Nullable @Size(max = 64) String customerTenantId) {
        @Override
        public String toString() {
            return "UpdateUserRequest[roles=" + roles + ", password=" + (password == null ? "unchanged" : "***")
                    + ", customerTenantId=" + customerTenantId + "]";
        }
    }

    @Serdeable
    record UserResponse(String username, List<String> roles, @Nullable String customerTenantId, Instant createdAt) {
    }
}
