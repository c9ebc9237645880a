package com.cspdesk.application.customers.port.in;

import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;

/** api.md "Customers": a partner's admin agent or global admin adds a customer. */
public interface CreateCustomer {

    CreateCustomerResult create(NewCustomer customer, Actor actor);

    /** Raw input; the use case validates every field and names the wrong one. */
    record NewCustomer(String companyName, String domain, String country) {
    }

    sealed interface CreateCustomerResult {
    }

    record Created(CustomerView customer) implements CreateCustomerResult {
    }

    record Refused(Reason reason, String field) implements CreateCustomerResult {
    }

    /** The table does not let the actor add customers; nothing was stored. */
    record NotPermitted(Permission permission) implements CreateCustomerResult {
    }

    enum Reason {
        COMPANY_NAME_INVALID("company_name_invalid", "companyProfile.companyName"),
        DOMAIN_INVALID("domain_invalid", "companyProfile.domain"),
        DOMAIN_TAKEN("domain_taken", "companyProfile.domain"),
        COUNTRY_INVALID("country_invalid", "billingProfile.country");

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
