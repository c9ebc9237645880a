package com.cspdesk.adapters.web.cancellation;

import com.cspdesk.adapters.web.cancellation.CancellationRequests.CancelRequest;
import com.cspdesk.adapters.web.orders.OrderJson;
import com.cspdesk.application.ordering.port.in.OrderView;
import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PreTaxPrices;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.order.LineStatus;
import com.cspdesk.domain.order.OrderStatus;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Partner Center's cancelling PATCH as its clients send it, and the order the desk answers. */
class CancellationRequestsTest {

    private static CancelRequest read(String json) throws IOException {
        return ObjectMapper.getDefault().readValue(json, CancelRequest.class);
    }

    @Test
    void theBodyOfPartnerCentersCancelSoftwarePurchasesReadsWithoutAnAcknowledgement() throws IOException {
        CancelRequest body = read("""
                {"id": "2y6dF_rVgDAXMxypQPPnTquuXhKVK_3N1", "status": "cancelled",
                 "lineItems": [{"lineItemNumber": 0, "offerId": "DG7GMGF0FKZV:0003:DG7GMGF0DWMS"}]}""");

        assertThat(body.status()).isEqualTo("cancelled");
        assertThat(body.acknowledged()).isNull();
        assertThat(body.lineItems()).extracting(CancellationRequests.LineItemRequest::lineItemNumber).containsExactly(0);
    }

    @Test
    void theWholeOrderAnSdkSendsBackReadsToo() throws IOException {
        // What the Java SDK's Order.patch sends after reading the order and setting its status: every field it knows.
        CancelRequest body = read("""
                {"billingCycle": "one_time", "creationDate": "2026-12-03T08:00:00.000Z", "currencyCode": "EUR",
                 "id": "order-1", "referenceCustomerId": "11111111-1111-4111-8111-111111111111", "status": "cancelled",
                 "totalPrice": 1000.0, "links": {"self": {"uri": "/customers/x/orders/order-1", "method": "GET", "headers": []}},
                 "lineItems": [{"friendlyName": "Thing", "lineItemNumber": 1, "offerId": "P:0001:A", "quantity": 1,
                   "termDuration": "P1Y", "pricing": {"listPrice": 1000.0, "price": 1000.0, "extendedPrice": 1000.0},
                   "provisioningContext": {}, "subscriptionId": null}],
                 "attributes": {"objectType": "Order"}}""");

        assertThat(body.status()).isEqualTo("cancelled");
        assertThat(body.acknowledged()).isNull();
        assertThat(body.lineItems()).extracting(CancellationRequests.LineItemRequest::lineItemNumber).containsExactly(1);
    }

    @Test
    void theDesksOwnAcknowledgedFieldStillReads() throws IOException {
        assertThat(read("{\"status\": \"cancelled\", \"acknowledged\": false}").acknowledged()).isFalse();
        assertThat(read("{\"status\": \"cancelled\", \"acknowledged\": true}").acknowledged()).isTrue();
    }

    @Test
    void theAnswerIsTheOrderAsGetShowsItPlusTheCredit() throws IOException {
        PriceQuote charged = PriceQuote.fromNetAndTax(Money.of("1000.00", "EUR"), Money.of("190.00", "EUR"));
        OrderView order = new OrderView("order-1", "11111111-1111-4111-8111-111111111111", "one_time",
                Currency.getInstance("EUR"), Instant.parse("2026-12-03T08:00:00Z"), OrderStatus.CANCELLED,
                List.of(new OrderView.Line(0, "P:0001:A", "P", "0001", "Thing", 0, TermDuration.NONE, Money.of("1000.00", "EUR"),
                        charged, false, LineStatus.CANCELLED, PreTaxPrices.of(Money.of("1000.00", "EUR"), 1, charged, false),
                        Optional.empty())), charged, "agent");
        ObjectMapper mapper = ObjectMapper.getDefault();
        Argument<Map<String, Object>> map = Argument.mapOf(String.class, Object.class);

        Map<String, Object> answer = mapper.readValue(mapper.writeValueAsString(CancellationController.response(order, charged)), map);
        Map<String, Object> get = mapper.readValue(mapper.writeValueAsString(OrderJson.of(order)), map);

        assertThat(answer.get("creditTotal")).isEqualTo(Map.of("net", Map.of("amount", "1000.00", "currency", "EUR"),
                "tax", Map.of("amount", "190.00", "currency", "EUR"), "gross", Map.of("amount", "1190.00", "currency", "EUR")));
        answer.remove("creditTotal");
        assertThat(answer).isEqualTo(get).containsKey("totalPrice").doesNotContainKey("order");
    }
}
