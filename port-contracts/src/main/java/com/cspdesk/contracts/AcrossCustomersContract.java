package com.cspdesk.contracts;

import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.ordering.port.out.Orders.StoredLine;
import com.cspdesk.application.ordering.port.out.Orders.StoredOrder;
import com.cspdesk.application.portfolio.port.out.AcrossCustomersFilter;
import com.cspdesk.application.portfolio.port.out.AcrossCustomersFilter.Position;
import com.cspdesk.application.portfolio.port.out.OrdersAcrossCustomers;
import com.cspdesk.application.portfolio.port.out.SoftwareAcrossCustomers;
import com.cspdesk.application.software.port.out.Entitlements;
import com.cspdesk.application.software.port.out.Entitlements.Entitlement;
import com.cspdesk.domain.catalog.ContractType;
import com.cspdesk.domain.market.Market;
import com.cspdesk.domain.order.OrderStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static com.cspdesk.contracts.SampleOrders.entitlement;
import static com.cspdesk.contracts.SampleOrders.order;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link OrdersAcrossCustomers} and {@link SoftwareAcrossCustomers} must do: every customer's rows newest
 * first (date, then id), each with its customer's name, filtered by customer, product, status and date range in any
 * combination, in keyset pages that neither repeat nor skip a row — an order with several lines of the product once.
 * Each test works in a day of its own (the adapters of a class may share one database), named by its range.
 */
public abstract class AcrossCustomersContract extends PortContract {

    private static final AtomicLong DAYS = new AtomicLong();
    private static final String SQL_STANDARD = "DG7GMGF0MGVZ";
    private static final String WINDOWS_STANDARD = "DG7GMGF0BHXC";

    private final Instant day = Instant.parse("2031-01-01T00:00:00Z").plus(Duration.ofDays(DAYS.incrementAndGet()));

    @Test
    void ordersComeNewestFirstWithTheirCustomersNameAndLinesInPagesThatNeitherRepeatNorSkip() {
        String contoso = customer("Contoso Kft.");
        String fabrikam = customer("Fabrikam GmbH");
        StoredOrder first = add(order(contoso, 2, at(1)));
        StoredOrder second = add(order(fabrikam, 1, at(2)));
        StoredOrder sameInstantA = add(order(contoso, 1, at(3)));
        StoredOrder sameInstantB = add(order(fabrikam, 1, at(3)));
        List<StoredOrder> expected = newestFirst(List.of(first, second, sameInstantA, sameInstantB));

        List<OrdersAcrossCustomers.CustomerOrder> all = orders(inDay(), Optional.empty(), 10);
        assertThat(all).extracting(OrdersAcrossCustomers.CustomerOrder::order).containsExactlyElementsOf(expected);
        assertThat(all).filteredOn(row -> row.order().id().equals(first.id())).singleElement()
                .satisfies(row -> {
                    assertThat(row.customerName()).isEqualTo("Contoso Kft.");
                    assertThat(row.order().lines()).hasSize(2);
                });

        List<StoredOrder> paged = new java.util.ArrayList<>();
        Optional<Position> after = Optional.empty();
        for (int page = 0; page < 5; page++) {
            List<OrdersAcrossCustomers.CustomerOrder> rows = orders(inDay(), after, 1);
            if (rows.isEmpty()) {
                break;
            }
            paged.add(rows.get(0).order());
            after = Optional.of(new Position(rows.get(0).order().createdAt(), rows.get(0).order().id()));
        }
        assertThat(paged).containsExactlyElementsOf(expected);
    }

    @Test
    void ordersAreFilteredByCustomerStatusProductAndDateInAnyCombination() {
        String contoso = customer("Contoso Kft.");
        String fabrikam = customer("Fabrikam GmbH");
        StoredOrder sqlContoso = add(order(contoso, 1, at(1)));
        StoredOrder windowsContoso = add(ofProduct(order(contoso, 2, at(2)), WINDOWS_STANDARD, OrderStatus.COMPLETED));
        StoredOrder windowsFabrikamCancelled = add(ofProduct(order(fabrikam, 1, at(3)), WINDOWS_STANDARD, OrderStatus.CANCELLED));
        StoredOrder sqlFabrikam = add(order(fabrikam, 1, at(4)));

        assertThat(ids(filter(contoso, null, null))).containsExactly(windowsContoso.id(), sqlContoso.id());
        assertThat(ids(filter(null, WINDOWS_STANDARD, null))).containsExactly(windowsFabrikamCancelled.id(), windowsContoso.id());
        assertThat(ids(filter(null, null, "cancelled"))).containsExactly(windowsFabrikamCancelled.id());
        assertThat(ids(filter(null, WINDOWS_STANDARD, "completed"))).containsExactly(windowsContoso.id());
        assertThat(ids(filter(contoso, WINDOWS_STANDARD, null))).containsExactly(windowsContoso.id());
        assertThat(ids(filter(fabrikam, SQL_STANDARD, "completed"))).containsExactly(sqlFabrikam.id());
        assertThat(ids(filter(null, null, "pending"))).isEmpty();
        AcrossCustomersFilter middle = new AcrossCustomersFilter(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(at(2)), Optional.of(at(4)));
        assertThat(ids(orders(middle, Optional.empty(), 10))).containsExactly(windowsFabrikamCancelled.id(), windowsContoso.id());
    }

    @Test
    void anOrderWithManyLinesOfTheProductIsListedOnceAndPagesByProductNeitherRepeatNorSkip() {
        String contoso = customer("Contoso Kft.");
        List<StoredOrder> added = new java.util.ArrayList<>();
        for (int n = 0; n < 5; n++) {
            added.add(add(order(contoso, 3, at(n + 1))));
        }
        AcrossCustomersFilter bySql = filter(null, SQL_STANDARD, null);
        List<String> paged = new java.util.ArrayList<>();
        Optional<Position> after = Optional.empty();
        for (int page = 0; page < 10; page++) {
            List<OrdersAcrossCustomers.CustomerOrder> rows = orders(bySql, after, 2);
            rows.forEach(row -> paged.add(row.order().id()));
            if (rows.size() < 2) {
                break;
            }
            StoredOrder last = rows.get(rows.size() - 1).order();
            after = Optional.of(new Position(last.createdAt(), last.id()));
        }
        assertThat(paged).containsExactlyElementsOf(ids(newestFirst(added)));
    }

    @Test
    void softwareComesNewestFirstWithCustomerQuantityAndTheFiltersInAnyCombination() {
        String contoso = customer("Contoso Kft.");
        String fabrikam = customer("Fabrikam GmbH");
        StoredOrder contosoOrder = add(order(contoso, 2, at(1)));
        StoredOrder fabrikamOrder = add(order(fabrikam, 1, at(2)));
        Entitlement contoso1 = entitlement(contosoOrder, 1, ContractType.PERPETUAL, true);
        Entitlement contoso2 = entitlement(contosoOrder, 2, ContractType.PERPETUAL, false);
        Entitlement fabrikam1 = withProduct(entitlement(fabrikamOrder, 1, ContractType.SUBSCRIPTION, true), WINDOWS_STANDARD);
        port(Entitlements.class).grant(List.of(contoso1, contoso2));
        port(Entitlements.class).grant(List.of(fabrikam1));
        List<Entitlement> contosoNewestFirst = contoso1.id().compareTo(contoso2.id()) > 0
                ? List.of(contoso1, contoso2) : List.of(contoso2, contoso1);

        List<SoftwareAcrossCustomers.CustomerSoftware> all = software(inDay(), Optional.empty(), 10);
        assertThat(all).extracting(SoftwareAcrossCustomers.CustomerSoftware::entitlement)
                .containsExactly(fabrikam1, contosoNewestFirst.get(0), contosoNewestFirst.get(1));
        assertThat(all).extracting(SoftwareAcrossCustomers.CustomerSoftware::customerName)
                .containsExactly("Fabrikam GmbH", "Contoso Kft.", "Contoso Kft.");
        assertThat(all).extracting(SoftwareAcrossCustomers.CustomerSoftware::quantity).containsExactly(1, 1, 1);

        assertThat(entitlements(software(filter(contoso, null, null), Optional.empty(), 10))).containsExactlyElementsOf(contosoNewestFirst);
        assertThat(entitlements(software(filter(null, null, "cancelled"), Optional.empty(), 10))).containsExactly(contoso2);
        assertThat(entitlements(software(filter(null, WINDOWS_STANDARD, null), Optional.empty(), 10))).containsExactly(fabrikam1);
        assertThat(entitlements(software(filter(contoso, SQL_STANDARD, "active"), Optional.empty(), 10))).containsExactly(contoso1);
        assertThat(entitlements(software(filter(fabrikam, SQL_STANDARD, null), Optional.empty(), 10))).isEmpty();

        SoftwareAcrossCustomers.CustomerSoftware firstPage = software(inDay(), Optional.empty(), 1).get(0);
        Position after = new Position(firstPage.entitlement().purchasedAt(), firstPage.entitlement().id());
        assertThat(entitlements(software(inDay(), Optional.of(after), 10)))
                .containsExactlyElementsOf(contosoNewestFirst);
    }

    private Instant at(int minutes) {
        return day.plus(Duration.ofMinutes(minutes)).plusNanos(123_000);
    }

    /** This test's day, and no other's. */
    private AcrossCustomersFilter inDay() {
        return filter(null, null, null);
    }

    private AcrossCustomersFilter filter(String tenant, String product, String status) {
        return new AcrossCustomersFilter(Optional.ofNullable(tenant), Optional.ofNullable(product), Optional.ofNullable(status),
                Optional.of(day), Optional.of(day.plus(Duration.ofDays(1))));
    }

    private List<OrdersAcrossCustomers.CustomerOrder> orders(AcrossCustomersFilter filter, Optional<Position> after, int limit) {
        return port(OrdersAcrossCustomers.class).page(filter, after, limit);
    }

    private List<SoftwareAcrossCustomers.CustomerSoftware> software(AcrossCustomersFilter filter, Optional<Position> after,
                                                                    int limit) {
        return port(SoftwareAcrossCustomers.class).page(filter, after, limit);
    }

    private List<String> ids(AcrossCustomersFilter filter) {
        return ids(orders(filter, Optional.empty(), 10).stream().map(OrdersAcrossCustomers.CustomerOrder::order).toList());
    }

    private static List<String> ids(List<?> rows) {
        return rows.stream().map(row -> row instanceof StoredOrder order ? order.id()
                : ((OrdersAcrossCustomers.CustomerOrder) row).order().id()).toList();
    }

    private static List<Entitlement> entitlements(List<SoftwareAcrossCustomers.CustomerSoftware> rows) {
        return rows.stream().map(SoftwareAcrossCustomers.CustomerSoftware::entitlement).toList();
    }

    private static List<StoredOrder> newestFirst(List<StoredOrder> orders) {
        return orders.stream().sorted(java.util.Comparator.comparing(StoredOrder::createdAt).thenComparing(StoredOrder::id)
                .reversed()).toList();
    }

    private String customer(String name) {
        String tenant = UUID.randomUUID().toString();
        port(Customers.class).add(new Customers.Customer(tenant, name, tenant + ".example", Market.of("HU"), day, null));
        return tenant;
    }

    private StoredOrder add(StoredOrder order) {
        port(Orders.class).add(order);
        return order;
    }

    private static StoredOrder ofProduct(StoredOrder order, String productId, OrderStatus status) {
        List<StoredLine> lines = order.lines().stream().map(line -> new StoredLine(line.lineItemNumber(),
                productId + ":0001:DZH318Z0BHXC", productId, line.skuId(), line.availabilityId(), line.friendlyName(),
                line.kind(), line.term(), line.quantity(), line.unitPrice(), line.charged(), line.taxIncluded(),
                line.status(), line.credited(), line.cancelledAt())).toList();
        return new StoredOrder(order.id(), order.customerTenantId(), order.billingCycle(), order.currency(), order.createdAt(),
                status, order.totals(), order.createdBy(), lines);
    }

    private static Entitlement withProduct(Entitlement e, String productId) {
        return new Entitlement(e.id(), e.customerTenantId(), e.orderId(), e.lineItemNumber(), productId, e.skuId(),
                e.productName(), e.contractType(), e.purchasedAt(), e.versions(), e.languages(), e.bitness(), e.active());
    }
}
