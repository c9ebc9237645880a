package com.cspdesk.adapters.persistence.customers;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/**
 * {@code nameKey} and {@code domainKey} are the lower-cased name and domain (unique domain, prefix
 * search). The billing profile's columns (V12) are null where nothing was given; a null
 * {@code billingCompanyName} reads as the company name.
 */
@MappedEntity("customer")
record CustomerRow(@Id String tenantId, String companyName, String nameKey, String domain, String domainKey,
                   String country, Instant createdAt,
                   @Nullable String billingFirstName, @Nullable String billingLastName, @Nullable String billingEmail,
                   @Nullable String billingCulture, @Nullable String billingLanguage, @Nullable String billingCompanyName,
                   @Nullable String addressRegion, @Nullable String addressCity, @Nullable String addressState,
                   @Nullable @MappedProperty("address_line1") String addressLine1,
                   @Nullable @MappedProperty("address_line2") String addressLine2,
                   @Nullable @MappedProperty("address_line3") String addressLine3,
                   @Nullable String addressPostalCode, @Nullable String addressFirstName, @Nullable String addressLastName,
                   @Nullable String addressPhoneNumber) {
}
