package com.cspdesk.adapters.web.portfolio;

import com.cspdesk.adapters.web.api.ResourceCollection;
import com.cspdesk.adapters.web.orders.OrderJson;
import com.cspdesk.application.portfolio.port.in.CustomerOrderView;
import com.cspdesk.application.portfolio.port.in.CustomerSoftwareView;
import com.cspdesk.application.software.port.in.SoftwareView;
import com.cspdesk.domain.catalog.Bitness;
import com.cspdesk.domain.catalog.SoftwareLanguage;
import com.cspdesk.domain.catalog.SoftwareVersion;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The items of the views across customers: a customer's order or software item, with the customer named. */
final class AcrossCustomersJson {

    private AcrossCustomersJson() {
    }

    static CustomerOrderResponse order(CustomerOrderView view) {
        OrderJson.OrderResponse order = OrderJson.of(view.order());
        return new CustomerOrderResponse(order.id(), order.referenceCustomerId(), view.customerName(), order.billingCycle(),
                order.currencyCode(), order.creationDate(), order.status(), order.lineItems(), order.totalPrice(),
                order.totals(), order.links());
    }

    static InventoryItemResponse software(CustomerSoftwareView view) {
        SoftwareView software = view.software();
        return new InventoryItemResponse(software.id(), view.customerTenantId(), view.customerName(), software.orderId(),
                software.lineItemNumber(), software.productId(), software.skuId(), software.productName(),
                software.contractType().code(), software.purchaseDate(), software.active() ? "active" : "cancelled",
                view.quantity(), versions(software), languages(software), bitness(software), software.keyAvailable());
    }

    static List<String> versions(SoftwareView software) {
        return software.versions().stream().map(SoftwareVersion::name).toList();
    }

    static List<String> languages(SoftwareView software) {
        return software.languages().stream().map(SoftwareLanguage::tag).sorted().toList();
    }

    static List<String> bitness(SoftwareView software) {
        return software.bitness().stream().sorted(Comparator.comparing(Enum::ordinal)).map(Bitness::code).toList();
    }

    /** An order as {@code GET /v1/customers/{id}/orders/{orderId}} shows it, with {@code customerName}. */
    @Serdeable
    record CustomerOrderResponse(String id, String referenceCustomerId, String customerName, String billingCycle,
                                 String currencyCode, Instant creationDate, String status,
                                 List<OrderJson.LineItemResponse> lineItems, BigDecimal totalPrice, OrderJson.Totals totals,
                                 Map<String, ResourceCollection.Link> links) {
    }

    /**
     * A line of the licence inventory: as {@code GET /v1/customers/{id}/software} shows it, with the customer
     * ({@code customerId}: its tenant id) and the {@code quantity} bought on the order line (0 once cancelled).
     */
    @Serdeable
    record InventoryItemResponse(String id, String customerId, String customerName, String orderId, int lineItemNumber,
                                 String productId, String skuId, String productName, String contractType,
                                 Instant purchaseDate, String status, int quantity, List<String> versions,
                                 List<String> languages, List<String> bitness, boolean keyAvailable) {
    }

    @Serdeable
    record OrderItems(List<CustomerOrderResponse> items) {
    }

    @Serdeable
    record InventoryItems(List<InventoryItemResponse> items) {
    }
}
