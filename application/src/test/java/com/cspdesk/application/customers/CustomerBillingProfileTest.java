package com.cspdesk.application.customers;

import com.cspdesk.application.InlineTransactions;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.customers.port.in.CreateCustomer;
import com.cspdesk.application.customers.port.in.CreateCustomer.NewAddress;
import com.cspdesk.application.customers.port.in.CreateCustomer.NewBillingProfile;
import com.cspdesk.application.customers.port.in.CreateCustomer.NewCustomer;
import com.cspdesk.application.customers.port.in.CreateCustomer.Reason;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.customer.BillingProfile;
import com.cspdesk.domain.customer.PostalAddress;
import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.market.Market;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Issue 14: a customer created with Partner Center's body (billing profile with contact, email,
 * culture, language and default address) is stored as sent, normalised; the short
 * {@code billingProfile.country} stays accepted; each wrong field is refused by its wire name.
 */
class CustomerBillingProfileTest {

    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");
    private static final Actor AGENT = Actor.partner("agent", Role.ADMIN_AGENT);
    private static final String ADDRESS = "billingProfile.defaultAddress.";

    /** Partner Center's create body as its samples fill it: the company's name in the billing profile only. */
    private static final Map<String, String> PARTNER_CENTER_BODY = Map.ofEntries(
            Map.entry("companyProfile.domain", "Wingtip-US.example"),
            Map.entry("billingProfile.firstName", " Gena "),
            Map.entry("billingProfile.lastName", "Soto"),
            Map.entry("billingProfile.email", "gena.soto@wingtip-us.example"),
            Map.entry("billingProfile.culture", "EN-US"),
            Map.entry("billingProfile.language", "En"),
            Map.entry("billingProfile.companyName", "Wingtip Toys"),
            Map.entry(ADDRESS + "country", "us"),
            Map.entry(ADDRESS + "region", "Pacific Northwest"),
            Map.entry(ADDRESS + "city", "Redmond"),
            Map.entry(ADDRESS + "state", "WA"),
            Map.entry(ADDRESS + "addressLine1", "One Microsoft Way"),
            Map.entry(ADDRESS + "addressLine2", "Building 7"),
            Map.entry(ADDRESS + "addressLine3", "Floor 2"),
            Map.entry(ADDRESS + "postalCode", "98052"),
            Map.entry(ADDRESS + "firstName", "Gena"),
            Map.entry(ADDRESS + "lastName", "Soto"),
            Map.entry(ADDRESS + "phoneNumber", "4255550101"));

    private final Customers customers = mock(Customers.class);
    private final CustomerAccounts accounts = new CustomerAccounts(customers, mock(ActivityLog.class),
            InlineTransactions.mocked(), Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void everyDomainIsFree() {
        when(customers.add(any())).thenReturn(true);
    }

    @Test
    void partnerCentersBodyIsStoredAsSentNormalisedAndReadBack() {
        var created = (CreateCustomer.Created) accounts.create(body(Map.of()), AGENT);

        Customers.Customer stored = stored();
        assertThat(stored.companyName()).isEqualTo("Wingtip Toys");
        assertThat(stored.domain()).isEqualTo("wingtip-us.example");
        assertThat(stored.country()).isEqualTo(Market.of("US"));
        assertThat(stored.billingProfile()).isEqualTo(new BillingProfile("Gena", "Soto", "gena.soto@wingtip-us.example",
                "en-US", "en", "Wingtip Toys", new PostalAddress("Pacific Northwest", "Redmond", "WA", "One Microsoft Way",
                "Building 7", "Floor 2", "98052", "Gena", "Soto", "4255550101")));
        assertThat(created.customer().billingProfile()).isEqualTo(stored.billingProfile());
        assertThat(created.customer().country()).isEqualTo(Market.of("US"));
    }

    @Test
    void optionalFieldsLeftOutNullOrBlankAreNotGivenAndTheBilledNameIsTheCompanysUnlessGiven() {
        Map<String, String> sparse = new HashMap<>();
        for (String field : PARTNER_CENTER_BODY.keySet()) {
            sparse.put(field, field.endsWith(".email") ? "" : null);
        }
        sparse.put("companyProfile.companyName", "Sparse Ltd");
        sparse.put("companyProfile.domain", "sparse.example");
        sparse.put(ADDRESS + "country", "GB");
        sparse.put(ADDRESS + "city", "  ");

        accounts.create(body(sparse), AGENT);
        assertThat(stored().billingProfile()).isEqualTo(BillingProfile.of("Sparse Ltd"));

        sparse.put("companyProfile.domain", "sparse-billing.example");
        sparse.put("billingProfile.companyName", "Sparse Billing Services Ltd");
        var created = (CreateCustomer.Created) accounts.create(body(sparse), AGENT);
        assertThat(created.customer().companyName()).isEqualTo("Sparse Ltd");
        assertThat(created.customer().billingProfile().companyName()).isEqualTo("Sparse Billing Services Ltd");
    }

    @Test
    void theShortCountryStaysAcceptedAndMustAgreeWithTheAddresssCountry() {
        var shortOnly = (CreateCustomer.Created) accounts.create(new NewCustomer("Short Kft.", "short.example", "hu"), AGENT);
        assertThat(shortOnly.customer().country()).isEqualTo(Market.of("HU"));
        assertThat(shortOnly.customer().billingProfile()).isEqualTo(BillingProfile.of("Short Kft."));

        var both = (CreateCustomer.Created) accounts.create(body(changed("billingProfile.country", "US")), AGENT);
        assertThat(both.customer().country()).isEqualTo(Market.of("US"));

        assertRefused(changed("billingProfile.country", "DE"), Reason.COUNTRY_MISMATCH, "billingProfile.country");
        assertRefused(changed("billingProfile.country", "XX"), Reason.COUNTRY_INVALID, "billingProfile.country");
        assertRefused(changed(ADDRESS + "country", "United States"), Reason.COUNTRY_INVALID, ADDRESS + "country");
        assertRefused(changed(ADDRESS + "country", null), Reason.COUNTRY_INVALID, ADDRESS + "country");
        Map<String, String> aliasOnly = changed(ADDRESS + "country", null);
        aliasOnly.put("billingProfile.country", "us");
        assertThat(accounts.create(body(aliasOnly), AGENT)).isInstanceOf(CreateCustomer.Created.class);
    }

    @Test
    void theCompanysNameComesFromEitherProfileAndIsRefusedWhereItWasGiven() {
        assertRefused(changed("billingProfile.companyName", null), Reason.COMPANY_NAME_INVALID, "companyProfile.companyName");
        assertRefused(changed("billingProfile.companyName", "W".repeat(256)), Reason.COMPANY_NAME_INVALID,
                "billingProfile.companyName");
        Map<String, String> bothNames = changed("companyProfile.companyName", "Wingtip Toys Inc.");
        bothNames.put("billingProfile.companyName", "W".repeat(256));
        assertRefused(bothNames, Reason.COMPANY_NAME_INVALID, "billingProfile.companyName");
    }

    @Test
    void eachWrongFieldOfTheBillingProfileIsRefusedByItsNameAndNothingIsStored() {
        record Wrong(String field, String value, Reason reason) {
        }
        List<Wrong> wrongs = List.of(
                new Wrong("billingProfile.firstName", "G".repeat(51), Reason.NAME_INVALID),
                new Wrong("billingProfile.lastName", "Soto\u0007", Reason.NAME_INVALID),
                new Wrong("billingProfile.email", "gena.soto", Reason.EMAIL_INVALID),
                new Wrong("billingProfile.email", "gena soto@wingtip.example", Reason.EMAIL_INVALID),
                new Wrong("billingProfile.email", "g@" + "w".repeat(250) + ".example", Reason.EMAIL_INVALID),
                new Wrong("billingProfile.culture", "en", Reason.CULTURE_INVALID),
                new Wrong("billingProfile.culture", "en_US", Reason.CULTURE_INVALID),
                new Wrong("billingProfile.culture", "xx-US", Reason.CULTURE_INVALID),
                new Wrong("billingProfile.culture", "en-XX", Reason.CULTURE_INVALID),
                new Wrong("billingProfile.language", "eng", Reason.LANGUAGE_INVALID),
                new Wrong("billingProfile.language", "en-US", Reason.LANGUAGE_INVALID),
                new Wrong("billingProfile.language", "qq", Reason.LANGUAGE_INVALID),
                new Wrong(ADDRESS + "region", "R".repeat(65), Reason.ADDRESS_INVALID),
                new Wrong(ADDRESS + "city", "C".repeat(129), Reason.ADDRESS_INVALID),
                new Wrong(ADDRESS + "state", "S".repeat(65), Reason.ADDRESS_INVALID),
                new Wrong(ADDRESS + "addressLine1", "A".repeat(201), Reason.ADDRESS_INVALID),
                new Wrong(ADDRESS + "addressLine2", "Line\ntwo", Reason.ADDRESS_INVALID),
                new Wrong(ADDRESS + "addressLine3", "A".repeat(201), Reason.ADDRESS_INVALID),
                new Wrong(ADDRESS + "postalCode", "9".repeat(33), Reason.ADDRESS_INVALID),
                new Wrong(ADDRESS + "firstName", "G".repeat(51), Reason.NAME_INVALID),
                new Wrong(ADDRESS + "lastName", "S".repeat(51), Reason.NAME_INVALID),
                new Wrong(ADDRESS + "phoneNumber", "call me", Reason.PHONE_NUMBER_INVALID),
                new Wrong(ADDRESS + "phoneNumber", "12345", Reason.PHONE_NUMBER_INVALID));

        for (Wrong wrong : wrongs) {
            assertRefused(changed(wrong.field(), wrong.value()), wrong.reason(), wrong.field());
        }
        verify(customers, never()).add(any());
    }

    @Test
    void theLongestValuesAreTaken() {
        Map<String, String> longest = changed(ADDRESS + "addressLine1", "A".repeat(PostalAddress.MAX_ADDRESS_LINE));
        longest.put("billingProfile.firstName", "G".repeat(BillingProfile.MAX_NAME));
        longest.put(ADDRESS + "city", "C".repeat(PostalAddress.MAX_CITY));
        longest.put(ADDRESS + "postalCode", "9".repeat(PostalAddress.MAX_POSTAL_CODE));
        longest.put("billingProfile.email", "g".repeat(64) + "@" + "w".repeat(181) + ".example");
        longest.put(ADDRESS + "phoneNumber", "+36 (1) 234-5678");
        longest.put("billingProfile.culture", "hu-hu");

        assertThat(accounts.create(body(longest), AGENT)).isInstanceOf(CreateCustomer.Created.class);
        assertThat(stored().billingProfile().culture()).isEqualTo("hu-HU");
    }

    private Customers.Customer stored() {
        ArgumentCaptor<Customers.Customer> stored = ArgumentCaptor.forClass(Customers.Customer.class);
        verify(customers, org.mockito.Mockito.atLeastOnce()).add(stored.capture());
        return stored.getValue();
    }

    private void assertRefused(Map<String, String> fields, Reason reason, String field) {
        assertThat(accounts.create(body(fields), AGENT)).as("%s", fields).isEqualTo(new CreateCustomer.Refused(reason, field));
    }

    /** Partner Center's body with one field changed (null: left out). */
    private static Map<String, String> changed(String field, String value) {
        Map<String, String> fields = new HashMap<>(PARTNER_CENTER_BODY);
        fields.put(field, value);
        return fields;
    }

    /** The use case's input from wire names; fields not in the map are left out. */
    private static NewCustomer body(Map<String, String> overrides) {
        Map<String, String> f = new HashMap<>(PARTNER_CENTER_BODY);
        f.putAll(overrides);
        return new NewCustomer(f.get("companyProfile.companyName"), f.get("companyProfile.domain"), f.get("billingProfile.country"),
                new NewBillingProfile(f.get("billingProfile.firstName"), f.get("billingProfile.lastName"),
                        f.get("billingProfile.email"), f.get("billingProfile.culture"), f.get("billingProfile.language"),
                        f.get("billingProfile.companyName"), new NewAddress(f.get(ADDRESS + "country"), f.get(ADDRESS + "region"),
                        f.get(ADDRESS + "city"), f.get(ADDRESS + "state"), f.get(ADDRESS + "addressLine1"),
                        f.get(ADDRESS + "addressLine2"), f.get(ADDRESS + "addressLine3"), f.get(ADDRESS + "postalCode"),
                        f.get(ADDRESS + "firstName"), f.get(ADDRESS + "lastName"), f.get(ADDRESS + "phoneNumber"))));
    }
}
