package com.cspdesk.adapters.persistence.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("user_account")
record UserAccountRow(@Id String username, String passwordHash, String roles,
                      @Nullable String customerTenantId, Instant createdAt,
                      long sessionGeneration) {
}
