package com.cspdesk.contracts;

import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.customers.port.out.Customers.Customer;
import com.cspdesk.application.customers.port.out.Customers.Cursor;
import com.cspdesk.domain.customer.BillingProfile;
import com.cspdesk.domain.customer.PostalAddress;
import com.cspdesk.domain.market.Market;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link Customers} must do: a unique domain whatever its case, lookups by tenant id and
 * by domain in any case, keyset pages in (company name, tenant id) order with a prefix on the name
 * or the domain. The test methods may share one store: each uses names and domains of its own.
 */
public abstract class CustomersContract extends PortContract {

    private static final Instant CREATED = Instant.parse("2026-11-21T15:23:14.998601Z");

    @Test
    void aCustomerRoundTripsByTenantIdAndByDomainInAnyCase() {
        Customer contoso = customer("Contoso Hungary Kft.", "Contoso-HU.example", "HU");
        assertThat(port(Customers.class).add(contoso)).isTrue();

        assertThat(port(Customers.class).byTenantId(contoso.tenantId())).contains(contoso);
        assertThat(port(Customers.class).byDomain("contoso-hu.example")).contains(contoso);
        assertThat(port(Customers.class).byDomain("CONTOSO-HU.EXAMPLE")).contains(contoso);
        assertThat(port(Customers.class).byDomain("contoso-hu.example.com")).isEmpty();
        assertThat(port(Customers.class).byTenantId(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void aTakenDomainInAnotherCaseIsReportedNotThrown() {
        Customer first = customer("Fourth Coffee", "fourthcoffee.example", "US");
        assertThat(port(Customers.class).add(first)).isTrue();

        assertThat(port(Customers.class).add(customer("Fourth Coffee GmbH", "FourthCoffee.EXAMPLE", "DE"))).isFalse();
        assertThat(port(Customers.class).byDomain("fourthcoffee.example")).contains(first);
    }

    @Test
    void ofTwinsAddingOneDomainAtOnceExactlyOneGetsIt() throws Exception {
        List<Callable<Boolean>> twins = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Customer twin = customer("Twin " + i, i % 2 == 0 ? "twins.example" : "TWINS.example", "SE");
            twins.add(() -> port(Customers.class).add(twin));
        }

        List<Boolean> added = Concurrently.run(twins);

        assertThat(added).containsOnlyOnce(true);
        assertThat(port(Customers.class).count(Optional.of("twins.example"))).isEqualTo(1);
    }

    @Test
    void aCustomerAddedInAUnitOfWorkThatFailsIsGoneAndItsDomainFree() {
        Customer lost = customer("Lost Ltd", "lost.example", "GB");
        assertThatThrownBy(() -> inTransaction(() -> {
            assertThat(port(Customers.class).add(lost)).isTrue();
            throw new IllegalStateException("the first user could not be created");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(port(Customers.class).byTenantId(lost.tenantId())).isEmpty();
        assertThat(port(Customers.class).byDomain("lost.example")).isEmpty();
        assertThat(port(Customers.class).count(Optional.of("lost"))).isZero();
        assertThat(port(Customers.class).add(customer("Lost Ltd", "lost.example", "GB"))).isTrue();
    }

    @Test
    void keysetPagesWalkEveryCustomerOnceAndAgreeWithTheCount() {
        for (int i = 0; i < 9; i++) {
            port(Customers.class).add(customer("Walk Through " + i, "walk" + i + ".example", "PL"));
        }
        long total = port(Customers.class).count(Optional.empty());
        assertThat(total).isGreaterThanOrEqualTo(9);

        List<Customer> walked = walk(Optional.empty(), 4);

        assertThat(walked).hasSize((int) total);
        assertThat(walked).extracting(Customer::tenantId).doesNotHaveDuplicates();
        assertThat(port(Customers.class).page(Optional.empty(), Optional.empty(), 0)).isEmpty();
    }

    @Test
    void pagesOfAPrefixOnTheNameComeInNameThenTenantOrderOverSeveralPages() {
        List<Customer> fabrikams = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            fabrikams.add(customer(String.format("Fabrikam %02d", i), "fab" + i + ".example", "SE"));
        }
        // Two customers of the same name: the tenant id decides their order.
        fabrikams.add(customer("Fabrikam 05", "fab5-twin.example", "SE"));
        port(Customers.class).add(customer("Fab Lab", "notfabrikam.example", "SE")); // "fab" but not "fabrikam"
        port(Customers.class).add(customer("Tailspin Toys", "tailspin.example", "SE"));
        List<Customer> shuffled = new ArrayList<>(fabrikams);
        Collections.shuffle(shuffled, new Random(7));
        shuffled.forEach(c -> assertThat(port(Customers.class).add(c)).isTrue());

        List<Customer> pages = walk(Optional.of("FABRIKAM"), 5);

        fabrikams.sort(Comparator.comparing(Customer::companyName).thenComparing(Customer::tenantId));
        assertThat(pages).containsExactlyElementsOf(fabrikams);
        assertThat(port(Customers.class).count(Optional.of("fabrikam"))).isEqualTo(12);
        assertThat(port(Customers.class).count(Optional.of("fab"))).isEqualTo(13);
    }

    @Test
    void aPrefixAlsoMatchesTheDomain() {
        List<Customer> northwind = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            northwind.add(customer("Traders " + (char) ('A' + i), "northwind" + i + ".example", "TR"));
        }
        northwind.add(customer("Northwind Traders", "nwt.example", "TR"));
        northwind.forEach(port(Customers.class)::add);
        port(Customers.class).add(customer("Traders Z", "southwind.example", "TR"));

        List<Customer> pages = walk(Optional.of("Northwind"), 3);

        assertThat(pages).hasSize(8).containsExactlyInAnyOrderElementsOf(northwind);
        assertThat(pages).isSortedAccordingTo(Comparator.comparing(Customer::companyName));
        assertThat(port(Customers.class).count(Optional.of("northwind"))).isEqualTo(8);
        assertThat(port(Customers.class).page(Optional.of("northwind3."), Optional.empty(), 10))
                .extracting(Customer::domain).containsExactly("northwind3.example");
    }

    @Test
    void likeWildcardsInThePrefixAreTakenLiterally() {
        port(Customers.class).add(customer("100% Organic Ltd", "organic.example", "GB"));
        port(Customers.class).add(customer("1000 Acres Farm", "acres.example", "GB"));
        port(Customers.class).add(customer("A_B Consulting", "ab-consulting.example", "GB"));
        port(Customers.class).add(customer("AXB Consulting", "axb.example", "GB"));
        port(Customers.class).add(customer("Bang! Media", "bang.example", "GB"));

        assertThat(port(Customers.class).page(Optional.of("100%"), Optional.empty(), 10)).extracting(Customer::companyName)
                .containsExactly("100% Organic Ltd");
        assertThat(port(Customers.class).count(Optional.of("a_b"))).isEqualTo(1);
        assertThat(port(Customers.class).count(Optional.of("bang!"))).isEqualTo(1);
        assertThat(port(Customers.class).count(Optional.of("%"))).isZero();
    }

    @Test
    void aBillingProfileRoundTripsAsGivenByEveryRead() {
        Customer importers = new Customer(UUID.randomUUID().toString(), "Wide World Importers Kft.", "wwi.example",
                Market.of("HU"), CREATED, new BillingProfile("Anna", "Kovács", "anna.kovacs@wwi.example", "hu-HU", "hu",
                "WWI Számlázási Kft.", new PostalAddress("Közép-Magyarország", "Budapest", "Pest", "Váci út 1.",
                "2. emelet", "201. ajtó", "1062", "Anna", "Kovács", "+36 1 234 5678")));
        assertThat(port(Customers.class).add(importers)).isTrue();

        assertThat(port(Customers.class).byTenantId(importers.tenantId())).contains(importers);
        assertThat(port(Customers.class).byDomain("WWI.example")).contains(importers);
        assertThat(port(Customers.class).page(Optional.of("wide world importers"), Optional.empty(), 5)).containsExactly(importers);
    }

    @Test
    void everyPartOfABillingProfileKeepsItsLongestValueAndMissingPartsStayMissing() {
        String fifty = "Ő".repeat(BillingProfile.MAX_NAME);
        String line = "ű".repeat(PostalAddress.MAX_ADDRESS_LINE);
        Customer longest = new Customer(UUID.randomUUID().toString(), "L".repeat(BillingProfile.MAX_COMPANY_NAME),
                "longest.example", Market.of("DE"), CREATED, new BillingProfile(fifty, fifty,
                "a".repeat(64) + "@" + "b".repeat(181) + ".example", "de-DE", "de", "Ä".repeat(BillingProfile.MAX_COMPANY_NAME),
                new PostalAddress("r".repeat(PostalAddress.MAX_REGION), "c".repeat(PostalAddress.MAX_CITY),
                        "s".repeat(PostalAddress.MAX_STATE), line, line, line, "9".repeat(PostalAddress.MAX_POSTAL_CODE),
                        fifty, fifty, "+" + "1".repeat(31))));
        Customer partial = new Customer(UUID.randomUUID().toString(), "Partial GmbH", "partial.example", Market.of("AT"),
                CREATED, new BillingProfile(null, null, "billing@partial.example", null, null, "Partial GmbH",
                new PostalAddress(null, "Wien", null, null, null, null, "1010", null, null, null)));
        Customer plain = customer("Plain Ltd", "plain.example", "GB");

        for (Customer customer : List.of(longest, partial, plain)) {
            assertThat(port(Customers.class).add(customer)).isTrue();
            assertThat(port(Customers.class).byTenantId(customer.tenantId())).contains(customer);
            assertThat(port(Customers.class).byDomain(customer.domain())).contains(customer);
        }
        assertThat(port(Customers.class).byTenantId(plain.tenantId()).orElseThrow().billingProfile())
                .isEqualTo(BillingProfile.of("Plain Ltd"));
    }

    /** Every page after the previous one's last customer, until a short page. */
    private List<Customer> walk(Optional<String> prefix, int size) {
        List<Customer> all = new ArrayList<>();
        Optional<Cursor> after = Optional.empty();
        int pages = 0;
        while (true) {
            List<Customer> page = port(Customers.class).page(prefix, after, size);
            assertThat(page.size()).isLessThanOrEqualTo(size);
            all.addAll(page);
            pages++;
            if (page.size() < size) {
                break;
            }
            Customer last = page.get(page.size() - 1);
            after = Optional.of(new Cursor(last.companyName(), last.tenantId()));
        }
        assertThat(pages).isGreaterThan(2);
        assertThat(new HashSet<>(all.stream().map(Customer::tenantId).toList())).hasSize(all.size());
        return all;
    }

    private static Customer customer(String name, String domain, String country) {
        return new Customer(UUID.randomUUID().toString(), name, domain, Market.of(country), CREATED);
    }
}
