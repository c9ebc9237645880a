package com.cspdesk.application.customers;

import com.cspdesk.application.activity.AdminActs;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.customers.port.in.CreateCustomer;
import com.cspdesk.application.customers.port.in.CustomerView;
import com.cspdesk.application.customers.port.in.FindCustomers;
import com.cspdesk.application.customers.port.in.GetCustomer;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.shared.ContinuationTokens;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.customer.BillingProfile;
import com.cspdesk.domain.customer.CustomerRef;
import com.cspdesk.application.shared.port.in.InvalidContinuationToken;
import com.cspdesk.application.shared.port.in.Page;
import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.domain.market.Market;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** api.md "Customers": adding customers and finding them, each partner user seeing what it may. */
public final class CustomerAccounts implements CreateCustomer, FindCustomers, GetCustomer {

    static final String TOKEN_KIND = "customers";
    // A DNS name: labels of letters, digits and hyphens, at least one dot, at most 253 characters.
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]");

    private final Customers customers;
    private final VisibleCustomers visible;
    private final ActivityLog activityLog;
    private final Transactions transactions;
    private final Clock clock;

    public CustomerAccounts(Customers customers, ActivityLog activityLog, Transactions transactions, Clock clock) {
        this.customers = customers;
        this.visible = new VisibleCustomers(customers);
        this.activityLog = activityLog;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public CreateCustomerResult create(NewCustomer customer, Actor actor) {
        if (!actor.may(Permission.CREATE_CUSTOMER)) {
            return new NotPermitted(Permission.CREATE_CUSTOMER);
        }
        CustomerInput.Checked<String> name = CustomerInput.companyName(customer);
        if (name.isRefused()) {
            return name.refused();
        }
        String domain = normalizedDomain(customer.domain());
        if (!DOMAIN.matcher(domain).matches()) {
            return new Refused(Reason.DOMAIN_INVALID, Reason.DOMAIN_INVALID.field());
        }
        CustomerInput.Checked<Market> country = CustomerInput.country(customer);
        if (country.isRefused()) {
            return country.refused();
        }
        CustomerInput.Checked<BillingProfile> billing = CustomerInput.billingProfile(customer.billingProfile(), name.value());
        if (billing.isRefused()) {
            return billing.refused();
        }
        Customers.Customer created = new Customers.Customer(UUID.randomUUID().toString(), name.value(), domain,
                country.value(), clock.instant().truncatedTo(ChronoUnit.MICROS), billing.value());
        // On the new customer's chain, with its id and name, as Partner Center's add_customer record is.
        boolean added = transactions.inTransaction(() -> {
            if (!customers.add(created)) {
                return false;
            }
            Map<String, String> details = new LinkedHashMap<>();
            details.put("domain", created.domain());
            details.put("country", created.country().code());
            activityLog.append(AdminActs.forCustomer(actor, created.createdAt(), AdminActs.ADD_CUSTOMER, created.tenantId(),
                    created.companyName(), details));
            return true;
        });
        if (!added) {
            return new Refused(Reason.DOMAIN_TAKEN, Reason.DOMAIN_TAKEN.field());
        }
        return new Created(view(created));
    }

    @Override
    public Lookup<Page<CustomerView>> find(Optional<String> query, PageRequest page, Actor actor) {
        if (!actor.may(Permission.VIEW_CUSTOMERS)) {
            return Lookup.notPermitted(Permission.VIEW_CUSTOMERS);
        }
        if (actor.isCustomer()) {
            // A customer's admin has exactly one customer: its own.
            List<CustomerView> own = actor.customerTenantId().flatMap(CustomerRef::parse)
                    .flatMap(tenant -> visible.resolve(tenant, actor)).map(CustomerAccounts::view)
                    .filter(c -> query.map(q -> matches(c, q)).orElse(true)).stream().toList();
            return Lookup.found(new Page<>(own, own.size(), Optional.empty()));
        }
        Optional<String> prefix = query.map(String::strip).filter(q -> !q.isEmpty()).map(q -> q.toLowerCase(Locale.ROOT));
        // The token carries the search it belongs to: reused with another query it is refused.
        Optional<Customers.Cursor> after = page.continuationToken().map(token -> {
            List<String> values = ContinuationTokens.decode(TOKEN_KIND, 3, token);
            if (!values.get(0).equals(prefix.orElse(""))) {
                throw new InvalidContinuationToken();
            }
            return new Customers.Cursor(values.get(1), values.get(2));
        });
        List<Customers.Customer> rows = customers.page(prefix, after, page.size() + 1);
        boolean more = rows.size() > page.size();
        List<Customers.Customer> shown = more ? rows.subList(0, page.size()) : rows;
        Optional<String> next = more
                ? Optional.of(ContinuationTokens.encode(TOKEN_KIND, prefix.orElse(""), shown.get(shown.size() - 1).companyName(),
                shown.get(shown.size() - 1).tenantId()))
                : Optional.empty();
        return Lookup.found(new Page<>(shown.stream().map(CustomerAccounts::view).toList(), customers.count(prefix), next));
    }

    @Override
    public Lookup<CustomerView> get(CustomerRef customer, Actor actor) {
        if (!actor.may(Permission.VIEW_CUSTOMERS)) {
            return Lookup.notPermitted(Permission.VIEW_CUSTOMERS);
        }
        return Lookup.of(visible.resolve(customer, actor).map(CustomerAccounts::view), VisibleCustomers.NOT_FOUND);
    }

    private static boolean matches(CustomerView customer, String query) {
        String q = query.strip().toLowerCase(Locale.ROOT);
        return customer.companyName().toLowerCase(Locale.ROOT).startsWith(q) || customer.domain().startsWith(q);
    }

    private static String normalizedDomain(String domain) {
        return domain == null ? "" : domain.strip().toLowerCase(Locale.ROOT);
    }

    private static CustomerView view(Customers.Customer customer) {
        return new CustomerView(customer.tenantId(), customer.companyName(), customer.domain(), customer.country(),
                customer.createdAt(), customer.billingProfile());
    }
}
