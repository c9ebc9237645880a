package com.cspdesk.application.portfolio;

import com.cspdesk.application.TestActors;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.portfolio.port.in.AcrossCustomersQuery;
import com.cspdesk.application.portfolio.port.in.AcrossCustomersResult;
import com.cspdesk.application.portfolio.port.in.CustomerOrderView;
import com.cspdesk.application.portfolio.port.in.CustomerSoftwareView;
import com.cspdesk.application.portfolio.port.out.AcrossCustomersFilter;
import com.cspdesk.application.portfolio.port.out.AcrossCustomersFilter.Position;
import com.cspdesk.application.portfolio.port.out.OrdersAcrossCustomers;
import com.cspdesk.application.portfolio.port.out.SoftwareAcrossCustomers;
import com.cspdesk.application.shared.port.in.InvalidContinuationToken;
import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.application.software.port.out.Entitlements.Entitlement;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.catalog.Bitness;
import com.cspdesk.domain.catalog.ContractType;
import com.cspdesk.domain.customer.CustomerRef;
import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.market.Market;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.order.OrderStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The views across customers: who may read them, how the filters are checked, and keyset pages of size + 1. */
class AcrossCustomersReadingTest {

    private static final Instant AT = Instant.parse("2026-11-21T10:00:00Z");
    private static final String TENANT = TestActors.CUSTOMER_TENANT;

    private final OrdersAcrossCustomers orders = mock(OrdersAcrossCustomers.class);
    private final SoftwareAcrossCustomers software = mock(SoftwareAcrossCustomers.class);
    private final Customers customers = mock(Customers.class);
    private final OrdersAcrossCustomersReading ordersReading = new OrdersAcrossCustomersReading(orders, customers);
    private final SoftwareInventoryReading inventory = new SoftwareInventoryReading(software, customers);
    private final Actor agent = TestActors.holding(Role.SALES_AGENT);

    @Test
    void everyRoleTheTableLeavesOutIsRefusedBeforeAnythingIsRead() {
        for (Actor refused : TestActors.refused(Permission.VIEW_ACROSS_CUSTOMERS)) {
            assertThat(ordersReading.list(AcrossCustomersQuery.everything(), refused))
                    .isEqualTo(new AcrossCustomersResult.NotPermitted<>(Permission.VIEW_ACROSS_CUSTOMERS));
            assertThat(inventory.forEach(AcrossCustomersQuery.everything(), refused, row -> { }))
                    .isEqualTo(new AcrossCustomersResult.NotPermitted<>(Permission.VIEW_ACROSS_CUSTOMERS));
        }
        verifyNoInteractions(orders, software, customers);
    }

    @Test
    void aStatusOutsideTheViewsAnUnknownCustomerAndABackwardRangeAreRefusedNamingTheFilter() {
        assertThat(ordersReading.list(query(Optional.empty(), "active", null, null), agent))
                .isEqualTo(new AcrossCustomersResult.Refused<>("status_filter_invalid", "status"));
        assertThat(inventory.list(query(Optional.empty(), "completed", null, null), agent))
                .isEqualTo(new AcrossCustomersResult.Refused<>("status_filter_invalid", "status"));
        assertThat(ordersReading.list(query(Optional.empty(), null, AT, AT), agent))
                .isEqualTo(new AcrossCustomersResult.Refused<>("date_filter_range_invalid", "createdTo"));
        assertThat(inventory.list(query(Optional.empty(), null, AT, AT.minusSeconds(1)), agent))
                .isEqualTo(new AcrossCustomersResult.Refused<>("date_filter_range_invalid", "purchasedTo"));
        when(customers.byDomain("nobody.example")).thenReturn(Optional.empty());
        assertThat(ordersReading.list(query(CustomerRef.parse("nobody.example"), null, null, null), agent))
                .isEqualTo(new AcrossCustomersResult.Refused<>("customer_not_found", "customerId"));
        verifyNoInteractions(orders, software);
    }

    @Test
    void theFiltersReachThePortResolvedAndAFullPageSaysWhereTheNextBegins() {
        when(customers.byDomain("contoso.example")).thenReturn(Optional.of(new Customers.Customer(TENANT, "Contoso", "contoso.example",
                Market.of("HU"), AT, null)));
        List<OrdersAcrossCustomers.CustomerOrder> three = List.of(order("c", AT.plusSeconds(3)), order("b", AT.plusSeconds(2)),
                order("a", AT.plusSeconds(1)));
        AcrossCustomersFilter expected = new AcrossCustomersFilter(Optional.of(TENANT), Optional.of("DG7GMGF0BHXC"),
                Optional.of("completed"), Optional.of(AT), Optional.empty());
        when(orders.page(eq(expected), eq(Optional.empty()), eq(3))).thenReturn(three);

        AcrossCustomersQuery query = new AcrossCustomersQuery(CustomerRef.parse("contoso.example"), Optional.of(" DG7GMGF0BHXC "),
                Optional.of("Completed"), Optional.of(AT), Optional.empty(), PageRequest.first(2));
        AcrossCustomersResult.Found<CustomerOrderView> found = (AcrossCustomersResult.Found<CustomerOrderView>)
                ordersReading.list(query, agent);
        assertThat(found.page().items()).extracting(view -> view.order().id()).containsExactly("c", "b");
        assertThat(found.page().items()).extracting(CustomerOrderView::customerName).containsOnly("Contoso");
        assertThat(found.page().totalCount()).isEqualTo(2);
        String token = found.page().continuationToken().orElseThrow();

        when(orders.page(eq(expected), eq(Optional.of(new Position(AT.plusSeconds(2), "b"))), eq(3)))
                .thenReturn(List.of(order("a", AT.plusSeconds(1))));
        AcrossCustomersResult.Found<CustomerOrderView> next = (AcrossCustomersResult.Found<CustomerOrderView>) ordersReading.list(
                new AcrossCustomersQuery(query.customer(), query.productId(), query.status(), query.from(), query.to(),
                        new PageRequest(2, Optional.of(token))), agent);
        assertThat(next.page().items()).extracting(view -> view.order().id()).containsExactly("a");
        assertThat(next.page().continuationToken()).isEmpty();

        assertThatThrownBy(() -> inventory.list(new AcrossCustomersQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), new PageRequest(2, Optional.of(token))), agent))
                .as("an orders token is not the inventory's").isInstanceOf(InvalidContinuationToken.class);
    }

    @Test
    void theExportReadsEveryRowBatchAfterBatchWithTheQuantityAndCustomer() {
        List<SoftwareAcrossCustomers.CustomerSoftware> first = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            first.add(line("e" + (1000 - i), AT.minusSeconds(i)));
        }
        when(software.page(any(), eq(Optional.empty()), anyInt())).thenReturn(first);
        when(software.page(any(), eq(Optional.of(new Position(AT.minusSeconds(499), "e501"))), anyInt()))
                .thenReturn(List.of(line("e1", AT.minusSeconds(600))));
        List<CustomerSoftwareView> exported = new ArrayList<>();

        AcrossCustomersResult<CustomerSoftwareView> result = inventory.forEach(query(Optional.empty(), "active", null, null),
                agent, exported::add);

        assertThat(result).isInstanceOf(AcrossCustomersResult.Found.class);
        assertThat(exported).hasSize(501);
        assertThat(exported.get(0)).satisfies(view -> {
            assertThat(view.customerName()).isEqualTo("Contoso");
            assertThat(view.customerTenantId()).isEqualTo(TENANT);
            assertThat(view.quantity()).isEqualTo(4);
            assertThat(view.software().keyAvailable()).isTrue();
        });
        verify(software).page(eq(new AcrossCustomersFilter(Optional.empty(), Optional.empty(), Optional.of("active"),
                Optional.empty(), Optional.empty())), eq(Optional.empty()), anyInt());
    }

    private static AcrossCustomersQuery query(Optional<CustomerRef> customer, String status, Instant from, Instant to) {
        return new AcrossCustomersQuery(customer, Optional.empty(), Optional.ofNullable(status), Optional.ofNullable(from),
                Optional.ofNullable(to), PageRequest.first(50));
    }

    private static OrdersAcrossCustomers.CustomerOrder order(String id, Instant at) {
        Currency huf = Currency.getInstance("HUF");
        return new OrdersAcrossCustomers.CustomerOrder(new Orders.StoredOrder(id, TENANT, "one_time", huf, at,
                OrderStatus.COMPLETED, PriceQuote.zero(huf), "agent", List.of()), "Contoso");
    }

    private static SoftwareAcrossCustomers.CustomerSoftware line(String id, Instant at) {
        return new SoftwareAcrossCustomers.CustomerSoftware(new Entitlement(id, TENANT, "order-" + id, 0, "DG7GMGF0BHXC", "0001",
                "Windows Server 2022 Standard", ContractType.PERPETUAL, at, List.of(), Set.of(), Set.of(Bitness.X64), true),
                "Contoso", 4);
    }
}
