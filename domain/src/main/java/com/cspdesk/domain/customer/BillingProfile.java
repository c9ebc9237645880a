package com.cspdesk.domain.customer;

import java.util.Objects;

/**
 * A customer's billing profile as Partner Center's CustomerBillingProfile has it: a contact's names
 * and email, the culture ({@code en-US}) and language ({@code en}), the billed company's name, and
 * the default address. Only the company name is always there (the customer's own name when no other
 * was given); the rest may be missing (null).
 */
public record BillingProfile(String firstName, String lastName, String email, String culture, String language,
                             String companyName, PostalAddress defaultAddress) {

    public static final int MAX_NAME = 50;
    /** The company name's maximum, the customer's own name's as well. */
    public static final int MAX_COMPANY_NAME = 255;

    public BillingProfile {
        Objects.requireNonNull(companyName, "companyName");
        defaultAddress = defaultAddress == null ? PostalAddress.NONE : defaultAddress;
    }

    /** The profile of a customer of whom only the name is known (customers added before profiles were kept). */
    public static BillingProfile of(String companyName) {
        return new BillingProfile(null, null, null, null, null, companyName, PostalAddress.NONE);
    }
}
