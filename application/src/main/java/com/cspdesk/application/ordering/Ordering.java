package com.cspdesk.application.ordering;

import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.catalog.port.out.Catalog;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.ordering.port.in.GetOrder;
import com.cspdesk.application.ordering.port.in.ListOrders;
import com.cspdesk.application.ordering.port.in.OrderView;
import com.cspdesk.application.ordering.port.in.PlaceOrder;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.shared.ContinuationTokens;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.application.shared.port.in.InvalidContinuationToken;
import com.cspdesk.application.shared.port.in.Page;
import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.software.port.out.Entitlements;
import com.cspdesk.domain.activity.ActivityEntry;
import com.cspdesk.domain.catalog.EarlierVersionRights;
import com.cspdesk.domain.catalog.ProductAvailability;
import com.cspdesk.domain.catalog.SoftwareSku;
import com.cspdesk.domain.market.Market;
import com.cspdesk.domain.money.MarketCurrencies;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.money.PriceQuotePolicy;
import com.cspdesk.domain.order.ActiveLine;
import com.cspdesk.domain.order.LineStatus;
import com.cspdesk.domain.order.OfferId;
import com.cspdesk.domain.order.Order;
import com.cspdesk.domain.order.OrderChange;
import com.cspdesk.domain.order.OrderId;
import com.cspdesk.domain.order.OrderPlacement;
import com.cspdesk.domain.order.OrderPlacementPolicy;

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
 * software entitlements and its activity record in one transaction.
 */
public final class Ordering implements PlaceOrder, ListOrders, GetOrder {

    static final String TOKEN_KIND = "orders";

    private final Customers customers;
    private final Catalog catalog;
    private final Orders orders;
    private final Entitlements entitlements;
    private final ActivityLog activityLog;
    private final Transactions transactions;
    private final PriceQuotePolicy priceQuotePolicy;
    private final OrderPlacementPolicy placementPolicy;
    private final Clock clock;

    public Ordering(Customers customers, Catalog catalog, Orders orders, Entitlements entitlements, ActivityLog activityLog,
                    Transactions transactions, ProductAvailability productAvailability, MarketCurrencies marketCurrencies,
                    PriceQuotePolicy priceQuotePolicy, Clock clock) {
        this.customers = customers;
        this.catalog = catalog;
        this.orders = orders;
        this.entitlements = entitlements;
        this.activityLog = activityLog;
        this.transactions = transactions;
        this.priceQuotePolicy = priceQuotePolicy;
        this.placementPolicy = new OrderPlacementPolicy(productAvailability, marketCurrencies);
        this.clock = clock;
    }

    @Override
    public PlaceOrderResult place(PlaceOrderCommand command, Actor actor) {
        Optional<Customers.Customer> customer = visibleCustomer(command.customerTenantId(), actor);
        if (customer.isEmpty()) {
            return new CustomerNotFound();
        }
        List<LineItem> items = command.lineItems();
        Market market = customer.get().country();
        String billingCycle = command.billingCycle() == null ? "" : command.billingCycle().strip().toLowerCase(Locale.ROOT);
        List<Optional<Offer>> offers = items.stream().map(item -> offer(item.offerId())).toList();
        List<OrderPlacementPolicy.Line> requested = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            requested.add(new OrderPlacementPolicy.Line(items.get(i).lineItemNumber(),
                    offers.get(i).map(Ordering::placementTerms), items.get(i).quantity()));
        }
        if (placementPolicy.check(market, billingCycle, requested) instanceof OrderPlacement.Refused refused) {
            return Refused.of(refused);
        }
        List<Priced> priced = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Offer o = offers.get(i).orElseThrow();
            PriceQuote quote = priceQuotePolicy.quote(o.availability().unitPrice(), items.get(i).quantity(), market);
            priced.add(new Priced(items.get(i), o, quote));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Order order = completed(Order.place(new OrderId(UUID.randomUUID().toString()), customer.get().tenantId(), now,
                priced.stream().map(p -> new ActiveLine(p.item().lineItemNumber(), p.offer().offerId(),
                        p.offer().product().kind(), p.offer().sku().term(), p.item().quantity(),
                        p.offer().availability().unitPrice(), p.quote())).toList()));
        Orders.StoredOrder stored = stored(order, billingCycle, priced, priceQuotePolicy.includesTax(market), actor);
        transactions.inTransaction(() -> {
            orders.add(stored);
            entitlements.grant(entitlementsOf(stored, priced));
            activityLog.append(activity(stored, customer.get(), actor));
            return null;
        });
        return new Placed(OrderViews.view(stored));
    }

    @Override
    public Optional<Page<OrderView>> list(String customerTenantId, PageRequest page, Actor actor) {
        Optional<Customers.Customer> customer = visibleCustomer(customerTenantId, actor);
        if (customer.isEmpty()) {
            return Optional.empty();
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
        return Optional.of(new Page<>(shown.stream().map(OrderViews::view).toList(), orders.count(tenant), next));
    }

    @Override
    public Optional<OrderView> get(String customerTenantId, String orderId, Actor actor) {
        return visibleCustomer(customerTenantId, actor)
                .flatMap(customer -> orders.find(customer.tenantId(), orderId))
                .map(OrderViews::view);
    }

    private Optional<Customers.Customer> visibleCustomer(String tenantId, Actor actor) {
        if (tenantId == null || tenantId.isBlank()) {
            return Optional.empty();
        }
        return customers.byTenantId(tenantId.strip().toLowerCase(Locale.ROOT)).filter(c -> actor.maySee(c.tenantId()));
    }

    private Optional<Offer> offer(String offerId) {
        if (offerId == null) {
            return Optional.empty();
        }
        OfferId id;
        try {
            id = new OfferId(offerId.strip());
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        String[] parts = id.value().split(":");
        Optional<Catalog.Product> product = catalog.product(parts[0]);
        Optional<Catalog.Sku> sku = catalog.sku(parts[0], parts[1]);
        Optional<Catalog.Availability> availability = catalog.availability(parts[0], parts[1], parts[2]);
        if (product.isEmpty() || sku.isEmpty() || availability.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Offer(id, product.get(), sku.get(), availability.get()));
    }

    /** What the placement policy needs to know about an offer. */
    private static OrderPlacementPolicy.Offer placementTerms(Offer offer) {
        return new OrderPlacementPolicy.Offer(offer.offerId(), offer.product().kind(), offer.availability().currency(),
                offer.sku().minimumQuantity(), offer.sku().maximumQuantity(), offer.sku().billingCycles());
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
                PriceQuote.zero(order.currency()), Optional.empty())).toList();
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

    private static ActivityEntry activity(Orders.StoredOrder order, Customers.Customer customer, Actor actor) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("lineItems", String.valueOf(order.lines().size()));
        data.put("offerIds", String.join(",", order.lines().stream().map(Orders.StoredLine::offerId).toList()));
        data.put("totalGross", order.totals().gross().amount().toPlainString());
        data.put("currency", order.currency().getCurrencyCode());
        return new ActivityEntry(order.createdAt(), "create_order", ActivityEntry.SUCCEEDED, actor.username(), null,
                customer.tenantId(), customer.companyName(), "order", order.id(), data);
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

    private record Offer(OfferId offerId, Catalog.Product product, Catalog.Sku sku, Catalog.Availability availability) {
    }

    private record Priced(LineItem item, Offer offer, PriceQuote quote) {
    }
}
