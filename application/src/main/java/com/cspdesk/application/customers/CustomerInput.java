package com.cspdesk.application.customers;

import com.cspdesk.application.customers.port.in.CreateCustomer.NewAddress;
import com.cspdesk.application.customers.port.in.CreateCustomer.NewBillingProfile;
import com.cspdesk.application.customers.port.in.CreateCustomer.NewCustomer;
import com.cspdesk.application.customers.port.in.CreateCustomer.Reason;
import com.cspdesk.application.customers.port.in.CreateCustomer.Refused;
import com.cspdesk.domain.contact.EmailAddress;
import com.cspdesk.domain.contact.PhoneNumber;
import com.cspdesk.domain.customer.BillingProfile;
import com.cspdesk.domain.customer.Culture;
import com.cspdesk.domain.customer.Language;
import com.cspdesk.domain.customer.PostalAddress;
import com.cspdesk.domain.customer.ProfileText;
import com.cspdesk.domain.market.Market;

import java.util.Optional;
import java.util.function.Function;

/**
 * A new customer's input checked field by field, as Partner Center's create body names the fields:
 * the first wrong one is refused by name. Partner Center puts the company's name in the billing
 * profile ({@code companyProfile} carries the domain only), so either place gives the name; the
 * country is the default address's, {@code billingProfile.country} its short form (both given:
 * the same country). Optional fields left out, null or blank are not given.
 */
final class CustomerInput {

    static final String COMPANY_NAME = "companyProfile.companyName";
    static final String COUNTRY = "billingProfile.country";
    static final String BILLING = "billingProfile.";
    static final String ADDRESS = "billingProfile.defaultAddress.";

    private CustomerInput() {
    }

    /** A value, or the refusal of the field it came from. */
    record Checked<T>(T value, Refused refused) {

        static <T> Checked<T> ok(T value) {
            return new Checked<>(value, null);
        }

        static <T> Checked<T> refused(Reason reason, String field) {
            return new Checked<>(null, new Refused(reason, field));
        }

        boolean isRefused() {
            return refused != null;
        }
    }

    static Checked<String> companyName(NewCustomer customer) {
        String billed = customer.billingProfile().companyName();
        boolean fromBilling = !ProfileText.given(customer.companyName()) && ProfileText.given(billed);
        String field = fromBilling ? BILLING + "companyName" : COMPANY_NAME;
        return ProfileText.of(fromBilling ? billed : customer.companyName(), BillingProfile.MAX_COMPANY_NAME)
                .map(Checked::ok).orElseGet(() -> Checked.refused(Reason.COMPANY_NAME_INVALID, field));
    }

    static Checked<Market> country(NewCustomer customer) {
        String inAddress = customer.billingProfile().defaultAddress().country();
        String shortForm = customer.country();
        if (!ProfileText.given(inAddress)) {
            // Only the short form, or nothing: then Partner Center's field is the one missing.
            return shortForm == null
                    ? Checked.refused(Reason.COUNTRY_INVALID, ADDRESS + "country")
                    : parsed(shortForm, COUNTRY);
        }
        Checked<Market> country = parsed(inAddress, ADDRESS + "country");
        if (country.isRefused() || !ProfileText.given(shortForm)) {
            return country;
        }
        Checked<Market> alias = parsed(shortForm, COUNTRY);
        if (alias.isRefused()) {
            return alias;
        }
        return alias.value().equals(country.value()) ? country : Checked.refused(Reason.COUNTRY_MISMATCH, COUNTRY);
    }

    /** The billing profile; its company name, when not given, is the customer's {@code companyName}. */
    static Checked<BillingProfile> billingProfile(NewBillingProfile given, String companyName) {
        Fields fields = new Fields();
        String firstName = fields.optional(given.firstName(), text(BillingProfile.MAX_NAME), Reason.NAME_INVALID, BILLING + "firstName");
        String lastName = fields.optional(given.lastName(), text(BillingProfile.MAX_NAME), Reason.NAME_INVALID, BILLING + "lastName");
        String email = fields.optional(given.email(), EmailAddress::parse, Reason.EMAIL_INVALID, BILLING + "email");
        String culture = fields.optional(given.culture(), Culture::parse, Reason.CULTURE_INVALID, BILLING + "culture");
        String language = fields.optional(given.language(), Language::parse, Reason.LANGUAGE_INVALID, BILLING + "language");
        String billedName = fields.optional(given.companyName(), text(BillingProfile.MAX_COMPANY_NAME),
                Reason.COMPANY_NAME_INVALID, BILLING + "companyName");
        PostalAddress address = address(given.defaultAddress(), fields);
        if (fields.refused != null) {
            return new Checked<>(null, fields.refused);
        }
        return Checked.ok(new BillingProfile(firstName, lastName, email, culture, language,
                billedName == null ? companyName : billedName, address));
    }

    private static PostalAddress address(NewAddress given, Fields fields) {
        return new PostalAddress(
                fields.optional(given.region(), text(PostalAddress.MAX_REGION), Reason.ADDRESS_INVALID, ADDRESS + "region"),
                fields.optional(given.city(), text(PostalAddress.MAX_CITY), Reason.ADDRESS_INVALID, ADDRESS + "city"),
                fields.optional(given.state(), text(PostalAddress.MAX_STATE), Reason.ADDRESS_INVALID, ADDRESS + "state"),
                fields.optional(given.addressLine1(), text(PostalAddress.MAX_ADDRESS_LINE), Reason.ADDRESS_INVALID,
                        ADDRESS + "addressLine1"),
                fields.optional(given.addressLine2(), text(PostalAddress.MAX_ADDRESS_LINE), Reason.ADDRESS_INVALID,
                        ADDRESS + "addressLine2"),
                fields.optional(given.addressLine3(), text(PostalAddress.MAX_ADDRESS_LINE), Reason.ADDRESS_INVALID,
                        ADDRESS + "addressLine3"),
                fields.optional(given.postalCode(), text(PostalAddress.MAX_POSTAL_CODE), Reason.ADDRESS_INVALID,
                        ADDRESS + "postalCode"),
                fields.optional(given.firstName(), text(PostalAddress.MAX_NAME), Reason.NAME_INVALID, ADDRESS + "firstName"),
                fields.optional(given.lastName(), text(PostalAddress.MAX_NAME), Reason.NAME_INVALID, ADDRESS + "lastName"),
                fields.optional(given.phoneNumber(), PhoneNumber::parse, Reason.PHONE_NUMBER_INVALID, ADDRESS + "phoneNumber"));
    }

    private static Checked<Market> parsed(String code, String field) {
        return Market.parse(code).map(Checked::ok).orElseGet(() -> Checked.refused(Reason.COUNTRY_INVALID, field));
    }

    private static Function<String, Optional<String>> text(int maxLength) {
        return text -> ProfileText.of(text, maxLength);
    }

    /** Optional fields in order: after the first wrong one, the rest are not looked at. */
    private static final class Fields {

        private Refused refused;

        /** The field's value by its rule, null when not given (or after a refusal). */
        String optional(String text, Function<String, Optional<String>> rule, Reason reason, String field) {
            if (refused != null || !ProfileText.given(text)) {
                return null;
            }
            Optional<String> value = rule.apply(text);
            if (value.isEmpty()) {
                refused = new Refused(reason, field);
                return null;
            }
            return value.get();
        }
    }
}
