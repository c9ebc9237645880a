package com.cspdesk.adapters.persistence.customers;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** {@code nameKey} and {@code domainKey} are the lower-cased name and domain (unique domain, prefix search). */
@MappedEntity("customer")
record CustomerRow(@Id String tenantId, String companyName, String nameKey, String domain, String domainKey,
                   String country, Instant createdAt) {
}
