package com.cspdesk.adapters.web.invoices;

import java.util.List;
import com.cspdesk.adapters.web.api.ResourceCollection;
import com.cspdesk.adapters.web.catalog.MoneyJson;
import com.cspdesk.application.invoicing.port.in.InvoiceViews;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

final class InvoiceResponses {

    private InvoiceResponses() {
    }

    /** The API document's item type of GET /v1/invoices (a ResourceCollection of these). */
    record InvoiceItems(List<InvoiceResponse> items) {
    }

    /** The API document's item type of GET /v1/invoices/{invoiceId}/lineitems (a ResourceCollection of these). */
    record InvoiceLineItems(List<InvoiceLineResponse> items) {
    }

    /** {@code POST /v1/invoices/runs}: the billing month, {@code yyyy-MM}. */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record StartRunRequest(@NotBlank @Size(max = 16) String month) {
    }

    @Serdeable
    record InvoiceResponse(String id, String billingMonth, String currencyCode, Instant issuedAt, int lineCount,
                           Amounts charges, Amounts credits, Amounts total, Map<String, ResourceCollection.Link> links) {
    }

    /** Credits are negative; a total may be negative when a month's credits outweigh its charges. */
    @Serdeable
    record Amounts(MoneyJson net, MoneyJson tax, MoneyJson gross) {
    }

    /** {@code kind} is {@code charge} or {@code credit}; a credit's amounts are negative. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record InvoiceLineResponse(String kind, String customerId, String customerName, String orderId, int lineItemNumber,
                               String description, Instant occurredAt, MoneyJson net, MoneyJson tax, MoneyJson gross) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record InvoiceRunResponse(String id, String billingMonth, String status, Instant startedAt, @Nullable Instant finishedAt,
                              int currenciesTotal, int currenciesDone, int invoicesCreated, String startedBy,
                              Map<String, ResourceCollection.Link> links) {
    }

    static String self(String invoiceId) {
        return "/v1/invoices/" + invoiceId;
    }

    static String runSelf(String runId) {
        return "/v1/invoices/runs/" + runId;
    }

    static InvoiceResponse invoice(InvoiceViews.InvoiceView view) {
        Map<String, ResourceCollection.Link> links = new LinkedHashMap<>();
        links.put("self", new ResourceCollection.Link(self(view.id()), "GET"));
        links.put("lineItems", new ResourceCollection.Link(self(view.id()) + "/lineitems", "GET"));
        links.put("pdf", new ResourceCollection.Link(self(view.id()) + "/document?format=pdf", "GET"));
        links.put("csv", new ResourceCollection.Link(self(view.id()) + "/document?format=csv", "GET"));
        return new InvoiceResponse(view.id(), view.billingMonth().toString(), view.currency().getCurrencyCode(),
                view.issuedAt(), view.lineCount(), amounts(view.charges()), amounts(view.credits()), amounts(view.total()),
                links);
    }

    static InvoiceLineResponse line(InvoiceViews.InvoiceLineView view) {
        return new InvoiceLineResponse(view.kind(), view.customerTenantId(), view.customerName(), view.orderId(),
                view.lineItemNumber(), view.description(), view.occurredAt(), MoneyJson.of(view.amounts().net()),
                MoneyJson.of(view.amounts().tax()), MoneyJson.of(view.amounts().gross()));
    }

    static InvoiceRunResponse run(InvoiceViews.InvoiceRunView view) {
        return new InvoiceRunResponse(view.id(), view.billingMonth().toString(), view.status(), view.startedAt(),
                view.finishedAt().orElse(null), view.currenciesTotal(), view.currenciesDone(), view.invoicesCreated(),
                view.startedBy(), Map.of("self", new ResourceCollection.Link(runSelf(view.id()), "GET")));
    }

    static Amounts amounts(InvoiceViews.Amounts amounts) {
        return new Amounts(MoneyJson.of(amounts.net()), MoneyJson.of(amounts.tax()), MoneyJson.of(amounts.gross()));
    }
}
