package com.cspdesk.application.customers.port.in;

import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;

/**
 * api.md "Customers": a partner's admin agent or global admin adds a customer, with Partner Center's
 * billing profile (contact, email, culture, language, default address) when the caller sends one.
 */
public interface CreateCustomer {

    CreateCustomerResult create(NewCustomer customer, Actor actor);

    /**
     * Raw input; the use case validates every field and names the wrong one. {@code country} is the
     * short form {@code billingProfile.country}; Partner Center's own is the default address's.
     */
    record NewCustomer(String companyName, String domain, String country, NewBillingProfile billingProfile) {

        public NewCustomer {
            billingProfile = billingProfile == null ? NewBillingProfile.NONE : billingProfile;
        }

        /** A customer given by company name, domain and billing country only. */
        public NewCustomer(String companyName, String domain, String country) {
            this(companyName, domain, country, NewBillingProfile.NONE);
        }
    }

    /** Partner Center's CustomerBillingProfile as sent; every field may be missing. */
    record NewBillingProfile(String firstName, String lastName, String email, String culture, String language,
                             String companyName, NewAddress defaultAddress) {

        public static final NewBillingProfile NONE = new NewBillingProfile(null, null, null, null, null, null, null);

        public NewBillingProfile {
            defaultAddress = defaultAddress == null ? NewAddress.NONE : defaultAddress;
        }
    }

    /** Partner Center's Address as sent; every field may be missing. */
    record NewAddress(String country, String region, String city, String state, String addressLine1, String addressLine2,
                      String addressLine3, String postalCode, String firstName, String lastName, String phoneNumber) {

        public static final NewAddress NONE = new NewAddress(null, null, null, null, null, null, null, null, null, null, null);
    }

    sealed interface CreateCustomerResult {
    }

    record Created(CustomerView customer) implements CreateCustomerResult {
    }

    /** {@code field} is the wrong field as the API's body names it (e.g. {@code billingProfile.defaultAddress.city}). */
    record Refused(Reason reason, String field) implements CreateCustomerResult {
    }

    /** The table does not let the actor add customers; nothing was stored. */
    record NotPermitted(Permission permission) implements CreateCustomerResult {
    }

    /** Each with the field it is usually about; {@link Refused#field()} names the one it is. */
    enum Reason {
        COMPANY_NAME_INVALID("company_name_invalid", "companyProfile.companyName"),
        DOMAIN_INVALID("domain_invalid", "companyProfile.domain"),
        DOMAIN_TAKEN("domain_taken", "companyProfile.domain"),
        COUNTRY_INVALID("country_invalid", "billingProfile.country"),
        /** {@code billingProfile.country} and {@code billingProfile.defaultAddress.country} name different countries. */
        COUNTRY_MISMATCH("country_mismatch", "billingProfile.country"),
        NAME_INVALID("name_invalid", "billingProfile.firstName"),
        EMAIL_INVALID("email_invalid", "billingProfile.email"),
        CULTURE_INVALID("culture_invalid", "billingProfile.culture"),
        LANGUAGE_INVALID("language_invalid", "billingProfile.language"),
        ADDRESS_INVALID("address_invalid", "billingProfile.defaultAddress.addressLine1"),
        PHONE_NUMBER_INVALID("phone_number_invalid", "billingProfile.defaultAddress.phoneNumber");

        private final String code;
        private final String field;

        Reason(String code, String field) {
            this.code = code;
            this.field = field;
        }

        public String code() {
            return code;
        }

        public String field() {
            return field;
        }
    }
}
