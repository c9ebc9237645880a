package com.cspdesk.application.ordering;

import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.catalog.port.out.Catalog;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.ordering.port.in.GetOrder;
import com.cspdesk.application.ordering.port.in.ListOrders;
import com.cspdesk.application.ordering.port.in.OrderView;
import com.cspdesk.application.ordering.port.in.PlaceOrder;
import com.cspdesk.application.ordering.port.in.QuoteOrder;
import com.cspdesk.application.ordering.OrderPricing.Offer;
import com.cspdesk.application.ordering.OrderPricing.Priced;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.ordering.port.out.SubscriptionStarts;
import com.cspdesk.application.shared.ContinuationTokens;
import com.cspdesk.application.customers.VisibleCustomers;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.activity.ActivityCatalogue.Resource;
import com.cspdesk.domain.activity.ActivityCatalogue.Operation;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.customer.CustomerRef;
import com.cspdesk.application.shared.port.in.InvalidContinuationToken;
import com.cspdesk.application.shared.port.in.Page;
import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.software.port.out.Entitlements;
import com.cspdesk.domain.activity.ActivityEntry;
import com.cspdesk.domain.catalog.EarlierVersionRights;
import com.cspdesk.domain.catalog.ProductAvailability;
import com.cspdesk.domain.catalog.SoftwareSku;
import com.cspdesk.domain.money.MarketCurrencies;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.money.PriceQuotePolicy;
import com.cspdesk.domain.order.ActiveLine;
import com.cspdesk.domain.order.LineStatus;
import com.cspdesk.domain.order.Order;
import com.cspdesk.domain.order.OrderChange;
import com.cspdesk.domain.order.OrderId;
import com.cspdesk.domain.order.OrderPlacementPolicy;

import com.cspdesk.domain.subscription.Subscription;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Spec "Buy software subscriptions on behalf of customers": reads every line's offer from the
 * catalog, lets the domain's {@link OrderPlacementPolicy} decide whether the order may be placed in
 * the customer's market, prices it with the domain's quote policy, and stores the order, its
 * software entitlements and its activity record in one transaction. A quote (the review) is the
 * same reading, decision and pricing ({@link OrderPricing}) without storing anything.
 */
public final class Ordering implements PlaceOrder, QuoteOrder, ListOrders, GetOrder {

    static final String TOKEN_KIND = "orders";
    static final String ORDER_NOT_FOUND = "order_not_found";

    private final VisibleCustomers visibleCustomers;
    private final Orders orders;
    private final Entitlements entitlements;
    private final SubscriptionStarts subscriptionStarts;
    private final ActivityLog activityLog;
    private final Transactions transactions;
    private final OrderPricing pricing;
    private final Clock clock;

    public Ordering(Customers customers, Catalog catalog, Orders orders, Entitlements entitlements,
                    SubscriptionStarts subscriptionStarts, ActivityLog activityLog,
                    Transactions transactions, ProductAvailability productAvailability, MarketCurrencies marketCurrencies,
                    PriceQuotePolicy priceQuotePolicy, Clock clock) {
        this.visibleCustomers = new VisibleCustomers(customers);
        this.orders = orders;
        this.entitlements = entitlements;
        this.subscriptionStarts = subscriptionStarts;
        this.activityLog = activityLog;
        this.transactions = transactions;
        this.pricing = new OrderPricing(catalog, productAvailability, marketCurrencies, priceQuotePolicy);
        this.clock = clock;
    }

    @Override
    public PlaceOrderResult place(PlaceOrderCommand command, Actor actor) {
        if (!actor.may(Permission.PLACE_ORDER)) {
            return new PlaceOrder.NotPermitted(Permission.PLACE_ORDER);
        }
        Optional<Customers.Customer> customer = visibleCustomers.resolve(command.customer(), actor);
        if (customer.isEmpty()) {
            return new PlaceOrder.CustomerNotFound();
        }
        OrderPricing.Outcome outcome = pricing.price(customer.get(), command);
        if (outcome instanceof OrderPricing.Refusal refusal) {
            return refusal.refused();
        }
        OrderPricing.PricedOrder pricedOrder = (OrderPricing.PricedOrder) outcome;
        String billingCycle = pricedOrder.billingCycle();
        List<Priced> priced = pricedOrder.lines();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Order order = completed(Order.place(new OrderId(UUID.randomUUID().toString()), customer.get().tenantId(), now,
                priced.stream().map(p -> new ActiveLine(p.item().lineItemNumber(), p.offer().offerId(),
                        p.offer().product().kind(), p.offer().sku().term(), p.item().quantity(),
                        p.offer().availability().unitPrice(), p.quote())).toList()));
        Orders.StoredOrder stored = stored(order, billingCycle, priced, pricedOrder.taxIncluded(), actor);
        transactions.inTransaction(() -> {
            orders.add(stored);
            entitlements.grant(entitlementsOf(stored, priced));
            List<Subscription> started = subscriptionsOf(stored);
            if (!started.isEmpty()) {
                subscriptionStarts.start(started);
            }
            activityLog.append(activity(stored, customer.get(), actor));
            return null;
        });
        return new Placed(OrderViews.view(stored));
    }

    @Override
    public QuoteOrderResult quote(PlaceOrderCommand command, Actor actor) {
        if (!actor.may(Permission.PLACE_ORDER)) {
            return new QuoteOrder.NotPermitted(Permission.PLACE_ORDER);
        }
        Optional<Customers.Customer> customer = visibleCustomers.resolve(command.customer(), actor);
        if (customer.isEmpty()) {
            return new QuoteOrder.CustomerNotFound();
        }
        OrderPricing.Outcome outcome = pricing.price(customer.get(), command);
        if (outcome instanceof OrderPricing.Refusal refusal) {
            return new WouldBeRefused(refusal.refused());
        }
        return new Quoted(((OrderPricing.PricedOrder) outcome).asQuote(customer.get().tenantId()));
    }

    @Override
    public Lookup<Page<OrderView>> list(CustomerRef customerRef, PageRequest page, Actor actor) {
        if (!actor.may(Permission.VIEW_ORDERS)) {
            return Lookup.notPermitted(Permission.VIEW_ORDERS);
        }
        Optional<Customers.Customer> customer = visibleCustomers.resolve(customerRef, actor);
        if (customer.isEmpty()) {
            return Lookup.notFound(VisibleCustomers.NOT_FOUND);
        }
        String tenant = customer.get().tenantId();
        Optional<Orders.Cursor> after = page.continuationToken().map(token -> cursor(tenant, token));
        List<Orders.StoredOrder> rows = orders.page(tenant, after, page.size() + 1);
        boolean more = rows.size() > page.size();
        List<Orders.StoredOrder> shown = more ? rows.subList(0, page.size()) : rows;
        Optional<String> next = more
                ? Optional.of(ContinuationTokens.encode(TOKEN_KIND, tenant, shown.get(shown.size() - 1).createdAt().toString(),
                shown.get(shown.size() - 1).id()))
                : Optional.empty();
        return Lookup.found(new Page<>(shown.stream().map(OrderViews::view).toList(), orders.count(tenant), next));
    }

    @Override
    public Lookup<OrderView> get(CustomerRef customerRef, String orderId, Actor actor) {
        if (!actor.may(Permission.VIEW_ORDERS)) {
            return Lookup.notPermitted(Permission.VIEW_ORDERS);
        }
        return Lookup.of(visibleCustomers.resolve(customerRef, actor), VisibleCustomers.NOT_FOUND)
                .flatMap(customer -> Lookup.of(orderId == null ? Optional.empty()
                        : orders.find(customer.tenantId(), orderId.strip()), ORDER_NOT_FOUND))
                .map(OrderViews::view);
    }

    private static Order completed(Order placed) {
        // Software is provisioned at once, so a placed order completes in the same step.
        OrderChange change = placed.complete();
        if (change instanceof OrderChange.Applied applied) {
            return applied.order();
        }
        throw new IllegalStateException("a new order could not complete: " + change);
    }

    private static Orders.StoredOrder stored(Order order, String billingCycle, List<Priced> priced, boolean taxIncluded,
                                             Actor actor) {
        List<Orders.StoredLine> lines = priced.stream().map(p -> new Orders.StoredLine(
                p.item().lineItemNumber(), p.offer().offerId().value(), p.offer().product().id(), p.offer().sku().id(),
                p.offer().availability().id(), friendlyName(p.offer()), p.offer().product().kind(), p.offer().sku().term(),
                p.item().quantity(), p.offer().availability().unitPrice(), p.quote(), taxIncluded, LineStatus.ACTIVE,
                PriceQuote.zero(order.currency()), Optional.empty(), p.provisioning())).toList();
        return new Orders.StoredOrder(order.id().value(), order.referenceCustomerId(), billingCycle, order.currency(),
                order.createdAt(), order.status(), order.totals(), actor.username(), lines);
    }

    private static String friendlyName(Offer offer) {
        return offer.product().title() + " – " + offer.sku().title();
    }

    private static List<Entitlements.Entitlement> entitlementsOf(Orders.StoredOrder order, List<Priced> priced) {
        List<Entitlements.Entitlement> granted = new ArrayList<>();
        for (Priced p : priced) {
            Catalog.Product product = p.offer().product();
            Catalog.Sku sku = p.offer().sku();
            if (product.family().isEmpty() || sku.version().isEmpty() || sku.languages().isEmpty() || sku.bitness().isEmpty()) {
                continue; // Azure reservations and Linux plans have no keys or downloads
            }
            granted.add(new Entitlements.Entitlement(UUID.randomUUID().toString(), order.customerTenantId(), order.id(),
                    p.item().lineItemNumber(), product.id(), sku.id(), friendlyName(p.offer()), product.kind().contractType(),
                    order.createdAt(),
                    new EarlierVersionRights().entitledVersions(new SoftwareSku(product.family().get(), sku.version().get(),
                            sku.languages(), sku.bitness())),
                    sku.languages(), sku.bitness(), true));
        }
        return granted;
    }

    /** Issue #16: each line of contract type subscription starts a subscription in its first term. */
    private static List<Subscription> subscriptionsOf(Orders.StoredOrder order) {
        return order.lines().stream().filter(line -> Subscription.isSubscription(line.kind()))
                .map(line -> Subscription.purchased(UUID.randomUUID().toString(), order.customerTenantId(), order.id(),
                        line.lineItemNumber(), line.kind(), line.term(), line.charged(), order.createdAt()))
                .toList();
    }

    private static ActivityEntry activity(Orders.StoredOrder order, Customers.Customer customer, Actor actor) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("lineItems", String.valueOf(order.lines().size()));
        data.put("offerIds", String.join(",", order.lines().stream().map(Orders.StoredLine::offerId).toList()));
        data.put("totalGross", order.totals().gross().amount().toPlainString());
        data.put("currency", order.currency().getCurrencyCode());
        return new ActivityEntry(order.createdAt(), Operation.CREATE_ORDER.kind(), ActivityEntry.SUCCEEDED, actor.username(), actor.applicationId().orElse(null),
                customer.tenantId(), customer.companyName(), Resource.ORDER.kind(), order.id(), data);
    }

    private static Orders.Cursor cursor(String tenant, String token) {
        List<String> values = ContinuationTokens.decode(TOKEN_KIND, 3, token);
        if (!values.get(0).equals(tenant)) {
            throw new InvalidContinuationToken();
        }
        try {
            return new Orders.Cursor(Instant.parse(values.get(1)), values.get(2));
        } catch (DateTimeParseException e) {
            throw new InvalidContinuationToken();
        }
    }
}
