package com.cspdesk.adapters.web.orders;

import com.cspdesk.application.ordering.port.in.OrderView;
import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PreTaxPrices;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.order.LineStatus;
import com.cspdesk.domain.order.OrderStatus;
import com.cspdesk.domain.reservation.ReservationProvisioning;
import com.cspdesk.domain.reservation.ReservationScope;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** An order as the API writes it: Partner Center's price fields (numbers, before tax) beside the desk's own. */
class OrderJsonTest {

    static final String TENANT = "11111111-1111-4111-8111-111111111111";

    /** Two lines in AUD, where list prices include GST (10 %): one active, one cancelled. */
    static OrderView order() {
        PriceQuote first = PriceQuote.fromGrossAndTax(Money.of("220.00", "AUD"), Money.of("20.00", "AUD"));
        PriceQuote second = PriceQuote.fromGrossAndTax(Money.of("99.99", "AUD"), Money.of("9.09", "AUD"));
        return new OrderView("order-1", TENANT, "one_time", Currency.getInstance("AUD"), Instant.parse("2026-12-03T08:00:00Z"),
                OrderStatus.COMPLETED, List.of(
                new OrderView.Line(0, "P:0001:A", "P", "0001", "Thing", 2, TermDuration.NONE, Money.of("110.00", "AUD"), first,
                        true, LineStatus.ACTIVE, PreTaxPrices.of(Money.of("110.00", "AUD"), 2, first, true), Optional.empty()),
                new OrderView.Line(1, "Q:0002:B", "Q", "0002", "Other", 0, TermDuration.P1Y, Money.of("99.99", "AUD"), second,
                        true, LineStatus.CANCELLED, PreTaxPrices.of(Money.of("99.99", "AUD"), 1, second, true), Optional.empty())),
                first.plus(second), "agent");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(Object value) throws IOException {
        ObjectMapper mapper = ObjectMapper.getDefault();
        return mapper.readValue(mapper.writeValueAsString(value), Argument.mapOf(String.class, Object.class));
    }

    @Test
    void totalPriceIsTheOrdersNetAsANumberAndTheDesksTotalsStay() throws IOException {
        Map<String, Object> order = json(OrderJson.of(order()));

        assertThat(order).containsEntry("currencyCode", "AUD").containsEntry("referenceCustomerId", TENANT);
        assertThat(new BigDecimal(order.get("totalPrice").toString())).isEqualByComparingTo("290.90");
        assertThat(order.get("totals")).isEqualTo(Map.of(
                "net", Map.of("amount", "290.90", "currency", "AUD"),
                "tax", Map.of("amount", "29.09", "currency", "AUD"),
                "gross", Map.of("amount", "319.99", "currency", "AUD")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachLineHasPartnerCentersPricingBeforeTaxAndASubscriptionIdThatIsNullWhileThereIsNone() throws IOException {
        List<Map<String, Object>> lines = (List<Map<String, Object>>) json(OrderJson.of(order())).get("lineItems");

        Map<String, Object> first = lines.get(0);
        assertThat(first).containsKey("subscriptionId").containsEntry("subscriptionId", null).containsEntry("quantity", 2);
        Map<String, Object> pricing = (Map<String, Object>) first.get("pricing");
        assertThat(pricing).containsOnlyKeys("listPrice", "discountedPrice", "proratedPrice", "price", "extendedPrice");
        for (String unit : List.of("listPrice", "discountedPrice", "proratedPrice", "price")) {
            assertThat(new BigDecimal(pricing.get(unit).toString())).as(unit).isEqualByComparingTo("100.00");
        }
        assertThat(new BigDecimal(pricing.get("extendedPrice").toString())).isEqualByComparingTo("200.00");
        // The desk's own fields are still there: the list price as bought (GST included) and the tax split.
        assertThat(first.get("unitPrice")).isEqualTo(Map.of("amount", "110.00", "currency", "AUD"));
        assertThat(first).containsEntry("taxIncluded", true).containsEntry("termDuration", null);

        Map<String, Object> cancelled = lines.get(1);
        assertThat(cancelled).containsEntry("quantity", 0).containsEntry("status", "cancelled");
        assertThat(new BigDecimal(((Map<String, Object>) cancelled.get("pricing")).get("extendedPrice").toString()))
                .as("what was bought").isEqualByComparingTo("90.90");
    }

    // Issue #16 reservations provisioned

    @Test
    @SuppressWarnings("unchecked")
    void aReservationLineCarriesPartnerCentersProvisioningContextAndOtherLinesAnEmptyOne() throws IOException {
        PriceQuote charged = PriceQuote.fromGrossAndTax(Money.of("2350.00", "AUD"), Money.of("213.64", "AUD"));
        OrderView.Line single = new OrderView.Line(0, "R:0002:C", "R", "0002", "Reserved VM Instance", 1, TermDuration.P3Y,
                Money.of("2350.00", "AUD"), charged, true, LineStatus.ACTIVE, PreTaxPrices.of(Money.of("2350.00", "AUD"), 1, charged, true),
                Optional.empty(), Optional.of(new ReservationProvisioning("5a3c8b4e-0c2f-4d6e-9f1a-2b3c4d5e6f70",
                ReservationScope.SINGLE, Optional.of("rg-web"))));
        OrderView.Line shared = new OrderView.Line(1, "R:0001:D", "R", "0001", "Reserved VM Instance", 1, TermDuration.P1Y,
                Money.of("2350.00", "AUD"), charged, true, LineStatus.ACTIVE, PreTaxPrices.of(Money.of("2350.00", "AUD"), 1, charged, true),
                Optional.empty(), Optional.of(new ReservationProvisioning("5a3c8b4e-0c2f-4d6e-9f1a-2b3c4d5e6f70",
                ReservationScope.SHARED, Optional.empty())));
        OrderView base = order();
        OrderView order = new OrderView(base.id(), base.customerTenantId(), base.billingCycle(), base.currency(), base.creationDate(),
                base.status(), List.of(single, shared, base.lineItems().get(0)), base.totals(), base.createdBy());

        List<Map<String, Object>> lines = (List<Map<String, Object>>) json(OrderJson.of(order)).get("lineItems");

        assertThat(lines.get(0).get("provisioningContext")).isEqualTo(Map.of("subscriptionId", "5a3c8b4e-0c2f-4d6e-9f1a-2b3c4d5e6f70",
                "scope", "single", "resourceGroup", "rg-web", "duration", "3Years"));
        assertThat(lines.get(1).get("provisioningContext")).isEqualTo(Map.of("subscriptionId", "5a3c8b4e-0c2f-4d6e-9f1a-2b3c4d5e6f70",
                "scope", "shared", "duration", "1Year"));
        assertThat(lines.get(2).get("provisioningContext")).isEqualTo(Map.of());
    }
}
