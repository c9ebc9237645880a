package com.cspdesk.adapters.web.catalog;

import com.cspdesk.adapters.web.api.CsvExports;
import com.cspdesk.adapters.web.api.CsvRequests;
import com.cspdesk.adapters.web.api.CsvRows;
import com.cspdesk.adapters.web.api.ResourceCollection;
import com.cspdesk.adapters.web.apidoc.ApiDoc;
import com.cspdesk.adapters.web.problem.Problems;
import com.cspdesk.adapters.web.security.Actors;
import com.cspdesk.adapters.web.security.Refusals;
import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.application.catalog.port.in.CatalogViews.AvailabilityView;
import com.cspdesk.application.catalog.port.in.GetPriceSheet;
import com.cspdesk.application.catalog.port.in.GetPriceSheet.PriceSheetRow;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.market.Market;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * {@code GET /v1/pricesheets?country=XX} (#16 item 7): the market's price sheet — every product, SKU and availability
 * of the catalog there, in the market's currency, with its tax treatment (the rate, whether the list price includes
 * it, one unit's net, tax and gross as an order would be quoted) and whether it may be bought there (Azure
 * reservations are not in the spec's unavailable markets). Column names are Partner Center's price sheet's where it has
 * one ({@code ProductId}, {@code ProductTitle}, {@code SkuId}, {@code SkuTitle}, {@code Publisher}, {@code TermDuration},
 * {@code BillingPlan}, {@code Market}, {@code Currency}, {@code UnitPrice}), camelCase in JSON. JSON, or CSV with
 * {@code format=csv} or {@code Accept: text/csv}. Admin and sales agents and global admins
 * ({@code VIEW_ACROSS_CUSTOMERS}); an unknown country is 400 ({@code country}).
 */
@Tag(name = "catalog")
@Controller("/v1/pricesheets")
@ExecuteOn(TaskExecutors.BLOCKING)
class PriceSheetController {

    static final List<String> CSV_HEADER = List.of("ProductId", "ProductTitle", "SkuId", "SkuTitle", "Publisher",
            "AvailabilityId", "CatalogItemId", "ContractType", "TermDuration", "BillingPlan", "Market", "Currency",
            "UnitPrice", "TaxIncluded", "TaxRate", "UnitNet", "UnitTax", "UnitGross", "IsPurchasable");

    private final GetPriceSheet getPriceSheet;
    private final Problems problems;
    private final ExecutorService blocking;

    PriceSheetController(GetPriceSheet getPriceSheet, Problems problems,
                         @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.getPriceSheet = getPriceSheet;
        this.problems = problems;
        this.blocking = blocking;
    }

    @Operation(summary = "The price sheet of a market (country: ISO 3166 code): every SKU's price there with its tax "
            + "treatment; CSV with format=csv")
    @ApiResponse(responseCode = "200", content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(allOf = {
            ResourceCollection.class, PriceSheetItems.class})),
        @Content(mediaType = CsvRequests.TEXT_CSV, schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
    @Get(produces = {MediaType.APPLICATION_JSON, CsvRequests.TEXT_CSV, "application/problem+json"}, headRoute = false)
    @RequiresPermission(Permission.VIEW_ACROSS_CUSTOMERS)
    HttpResponse<?> priceSheet(HttpRequest<?> request, Authentication caller,
                               @QueryValue @Nullable @Size(max = 16) String country,
                               @QueryValue @Nullable @Size(max = 16) String format) {
        Optional<Boolean> csv = CsvRequests.wantsCsv(request, format);
        if (csv.isEmpty()) {
            return problems.badField(request, "format_unsupported", "format");
        }
        Optional<Market> market = Market.parse(country);
        if (market.isEmpty()) {
            return problems.badField(request, "country_invalid", "country");
        }
        Lookup<List<PriceSheetRow>> sheet = getPriceSheet.priceSheet(market.get(), Actors.of(caller));
        if (!(sheet instanceof Lookup.Found<List<PriceSheetRow>> found)) {
            return Refusals.notPermitted(caller);
        }
        if (csv.get()) {
            return CsvExports.stream(blocking, "Price sheet", "pricesheet-" + market.get().code() + ".csv", writer -> {
                CsvRows rows = new CsvRows(writer, CSV_HEADER);
                found.value().forEach(row -> rows.write(cells(row)));
                rows.close();
            });
        }
        return HttpResponse.ok(ResourceCollection.of(found.value().stream().map(PriceSheetController::item).toList()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    static PriceSheetItem item(PriceSheetRow row) {
        AvailabilityView price = row.availability();
        return new PriceSheetItem(row.product().id(), row.product().title(), row.sku().id(), row.sku().title(),
                row.product().publisherName(), price.id(), price.catalogItemId(), row.sku().contractType().code(),
                price.term().code().orElse(null), billingPlan(row), price.country().code(),
                price.listPrice().currency().getCurrencyCode(), MoneyJson.of(price.listPrice()), price.taxIncluded(),
                price.taxRate().value().toPlainString(), MoneyJson.of(price.unitQuote().net()),
                MoneyJson.of(price.unitQuote().tax()), MoneyJson.of(price.unitQuote().gross()), price.purchasable());
    }

    static List<String> cells(PriceSheetRow row) {
        PriceSheetItem item = item(row);
        return List.of(item.productId(), item.productTitle(), item.skuId(), item.skuTitle(), item.publisher(),
                item.availabilityId(), item.catalogItemId(), item.contractType(),
                item.termDuration() == null ? "" : item.termDuration(), item.billingPlan(), item.market(), item.currency(),
                item.unitPrice().amount(), String.valueOf(item.taxIncluded()), item.taxRate(), item.unitNet().amount(),
                item.unitTax().amount(), item.unitGross().amount(), String.valueOf(item.isPurchasable()));
    }

    private static String billingPlan(PriceSheetRow row) {
        return String.join(" ", row.sku().supportedBillingCycles().stream().sorted().toList());
    }

    /**
     * One row of the sheet. {@code unitPrice} is the list price (tax included where {@code taxIncluded});
     * {@code unitNet}, {@code unitTax} and {@code unitGross} are one unit quoted as an order is, at {@code taxRate}.
     * {@code termDuration} is {@code null} for perpetual software.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PriceSheetItem(String productId, String productTitle, String skuId, String skuTitle, String publisher,
                          String availabilityId, String catalogItemId, String contractType, @Nullable String termDuration,
                          String billingPlan, String market, String currency, MoneyJson unitPrice, boolean taxIncluded,
                          String taxRate, MoneyJson unitNet, MoneyJson unitTax, MoneyJson unitGross,
                          @JsonProperty("isPurchasable") boolean isPurchasable) {
    }

    @Serdeable
    record PriceSheetItems(List<PriceSheetItem> items) {
    }
}
