package com.cspdesk.adapters.web.customers;

import com.cspdesk.adapters.web.api.ResourceCollection;
import com.cspdesk.application.customers.port.in.CreateCustomer;
import com.cspdesk.application.customers.port.in.CustomerView;
import com.cspdesk.domain.customer.PostalAddress;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A customer on the wire, as Partner Center's Customer resource is (Microsoft Learn, "Create a
 * customer"; the SDK's Customer, CustomerBillingProfile and Address): {@code companyProfile} with
 * name and domain, {@code billingProfile} with contact, email, culture, language, billed company
 * name and {@code defaultAddress}. {@code billingProfile.country} is the desk's short form of
 * {@code billingProfile.defaultAddress.country}: accepted on create, and written on read beside it.
 */
final class CustomerRequests {

    private CustomerRequests() {
    }

    /**
     * {@code POST /v1/customers}. Only presence and size are checked here; what makes each field
     * valid is the use case's to say (it names the field). Partner Center's other fields (links,
     * attributes, userCredentials, …) are ignored.
     */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CreateCustomerRequest(@NotNull @Valid CompanyProfile companyProfile,
                                 @NotNull @Valid BillingProfile billingProfile) {
    }

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CompanyProfile(@Nullable @Size(max = 1024) String companyName, @Nullable @Size(max = 1024) String domain) {
    }

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record BillingProfile(@Nullable @Size(max = 1024) String firstName, @Nullable @Size(max = 1024) String lastName,
                          @Nullable @Size(max = 1024) String email, @Nullable @Size(max = 64) String culture,
                          @Nullable @Size(max = 64) String language, @Nullable @Size(max = 1024) String companyName,
                          @Nullable @Valid Address defaultAddress, @Nullable @Size(max = 64) String country) {
    }

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Address(@Nullable @Size(max = 64) String country, @Nullable @Size(max = 1024) String region,
                   @Nullable @Size(max = 1024) String city, @Nullable @Size(max = 1024) String state,
                   @Nullable @Size(max = 1024) String addressLine1, @Nullable @Size(max = 1024) String addressLine2,
                   @Nullable @Size(max = 1024) String addressLine3, @Nullable @Size(max = 1024) String postalCode,
                   @Nullable @Size(max = 1024) String firstName, @Nullable @Size(max = 1024) String lastName,
                   @Nullable @Size(max = 1024) String phoneNumber) {
    }

    @Serdeable
    record CustomerResponse(String id, CompanyProfile companyProfile, BillingProfile billingProfile, Instant createdAt,
                            Map<String, ResourceCollection.Link> links) {
    }

    /** The API document's item type of the customer collection (GET /v1/customers). */
    record CustomerItems(List<CustomerResponse> items) {
    }

    /** The use case's input: the body as sent, field by field. */
    static CreateCustomer.NewCustomer newCustomer(CreateCustomerRequest body) {
        BillingProfile billing = body.billingProfile();
        Address address = billing.defaultAddress();
        CreateCustomer.NewAddress newAddress = address == null ? CreateCustomer.NewAddress.NONE
                : new CreateCustomer.NewAddress(address.country(), address.region(), address.city(), address.state(),
                address.addressLine1(), address.addressLine2(), address.addressLine3(), address.postalCode(),
                address.firstName(), address.lastName(), address.phoneNumber());
        return new CreateCustomer.NewCustomer(body.companyProfile().companyName(), body.companyProfile().domain(),
                billing.country(), new CreateCustomer.NewBillingProfile(billing.firstName(), billing.lastName(),
                billing.email(), billing.culture(), billing.language(), billing.companyName(), newAddress));
    }

    /** The customer as read; missing parts of the billing profile are left out. */
    static CustomerResponse response(CustomerView customer, Map<String, ResourceCollection.Link> links) {
        com.cspdesk.domain.customer.BillingProfile billing = customer.billingProfile();
        PostalAddress address = billing.defaultAddress();
        String country = customer.country().code();
        return new CustomerResponse(customer.tenantId(), new CompanyProfile(customer.companyName(), customer.domain()),
                new BillingProfile(billing.firstName(), billing.lastName(), billing.email(), billing.culture(),
                        billing.language(), billing.companyName(), new Address(country, address.region(), address.city(),
                        address.state(), address.addressLine1(), address.addressLine2(), address.addressLine3(),
                        address.postalCode(), address.firstName(), address.lastName(), address.phoneNumber()), country),
                customer.createdAt(), links);
    }
}
