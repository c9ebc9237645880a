package com.cspdesk.adapters.web.catalog;

import com.cspdesk.adapters.web.apidoc.ApiDoc;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.cspdesk.adapters.web.api.Answers;
import com.cspdesk.adapters.web.security.Actors;
import com.cspdesk.application.shared.port.in.Lookup;
import io.micronaut.security.authentication.Authentication;
import com.cspdesk.adapters.web.api.ResourceCollection;
import com.cspdesk.adapters.web.catalog.CatalogResponses.AvailabilityResponse;
import com.cspdesk.adapters.web.catalog.CatalogResponses.ProductResponse;
import com.cspdesk.adapters.web.catalog.CatalogResponses.ProductType;
import com.cspdesk.adapters.web.catalog.CatalogResponses.SkuResponse;
import com.cspdesk.adapters.web.catalog.CatalogResponses.Term;
import com.cspdesk.adapters.web.i18n.Messages;
import com.cspdesk.adapters.web.i18n.SupportedLanguages;
import com.cspdesk.adapters.web.problem.Problems;
import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.application.catalog.port.in.CatalogViews.AvailabilityView;
import com.cspdesk.application.catalog.port.in.CatalogViews.ProductView;
import com.cspdesk.application.catalog.port.in.CatalogViews.SkuView;
import com.cspdesk.application.catalog.port.in.ListAvailabilities;
import com.cspdesk.application.catalog.port.in.ListProducts;
import com.cspdesk.application.catalog.port.in.ListSkus;
import com.cspdesk.application.catalog.port.in.TargetView;
import com.cspdesk.domain.catalog.Bitness;
import com.cspdesk.domain.catalog.SoftwareLanguage;
import com.cspdesk.domain.catalog.SoftwareVersion;
import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.market.Market;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * api.md "Catalog": products, their SKUs and a SKU's availability (price) in one market. Every
 * call names the customer's {@code country}; the partner's agents and global admins may browse.
 */
@Tag(name = "catalog")
@Controller("/v1/products")
@RequiresPermission(Permission.BROWSE_CATALOG)
@ExecuteOn(TaskExecutors.BLOCKING)
class CatalogController {

    private final ListProducts listProducts;
    private final ListSkus listSkus;
    private final ListAvailabilities listAvailabilities;
    private final Problems problems;
    private final Answers answers;
    private final Messages messages;

    CatalogController(ListProducts listProducts, ListSkus listSkus, ListAvailabilities listAvailabilities,
                      Problems problems, Answers answers, Messages messages) {
        this.listProducts = listProducts;
        this.listSkus = listSkus;
        this.listAvailabilities = listAvailabilities;
        this.problems = problems;
        this.answers = answers;
        this.messages = messages;
    }

    @Operation(summary = "Lists the products sold in a country (country: ISO 3166 code)")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(allOf = {ResourceCollection.class, CatalogResponses.ProductItems.class})))
    @ApiResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
    @Get
    HttpResponse<?> products(HttpRequest<?> request, Authentication caller, @QueryValue @Nullable String country,
                             @QueryValue @Nullable String targetView) {
        Optional<Market> market = Market.parse(country);
        if (market.isEmpty()) {
            return countryInvalid(request);
        }
        Optional<TargetView> view = Optional.empty();
        if (targetView != null && !targetView.isBlank()) {
            view = TargetView.fromCode(targetView.strip());
            if (view.isEmpty()) {
                return problems.respond(request, problems.problem(request, HttpStatus.BAD_REQUEST, "target_view_unknown",
                        List.of(problems.fieldError(request, "targetView", "target_view_unknown"))));
            }
        }
        Locale locale = SupportedLanguages.of(request);
        return answers.of(request, caller, listProducts.products(market.get(), view, Actors.of(caller)),
                products -> HttpResponse.ok(ResourceCollection.of(products.stream().map(product -> response(product, locale)).toList())));
    }

    @Operation(summary = "Lists a product's SKUs")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(allOf = {ResourceCollection.class, CatalogResponses.SkuItems.class})))
    @ApiResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
    @Get("/{productId}/skus")
    HttpResponse<?> skus(HttpRequest<?> request, Authentication caller, @PathVariable String productId,
                         @QueryValue @Nullable String country) {
        Optional<Market> market = Market.parse(country);
        if (market.isEmpty()) {
            return countryInvalid(request);
        }
        return answers.of(request, caller, listSkus.skus(productId, market.get(), Actors.of(caller)),
                skus -> HttpResponse.ok(ResourceCollection.of(skus.stream().map(CatalogController::response).toList())),
                productId);
    }

    @Operation(summary = "Lists a SKU's availabilities (the offer and its price) in a country")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(allOf = {ResourceCollection.class, CatalogResponses.AvailabilityItems.class})))
    @ApiResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
    @Get("/{productId}/skus/{skuId}/availabilities")
    HttpResponse<?> availabilities(HttpRequest<?> request, Authentication caller, @PathVariable String productId,
                                   @PathVariable String skuId,
                                   @QueryValue @Nullable String country) {
        Optional<Market> market = Market.parse(country);
        if (market.isEmpty()) {
            return countryInvalid(request);
        }
        Lookup<List<AvailabilityView>> availabilities = listAvailabilities.availabilities(productId, skuId, market.get(),
                Actors.of(caller));
        // sku_not_found names the SKU and its product, product_not_found the product.
        Object[] missing = availabilities instanceof Lookup.NotFound<List<AvailabilityView>> notFound
                && notFound.code().equals("sku_not_found") ? new Object[]{skuId, productId} : new Object[]{productId};
        Locale locale = SupportedLanguages.of(request);
        return answers.of(request, caller, availabilities, found -> HttpResponse.ok(ResourceCollection.of(found.stream()
                .map(availability -> response(availability, locale)).toList())), missing);
    }

    private HttpResponse<?> countryInvalid(HttpRequest<?> request) {
        return problems.respond(request, problems.problem(request, HttpStatus.BAD_REQUEST, "country_invalid",
                List.of(problems.fieldError(request, "country", "country_invalid"))));
    }

    private ProductResponse response(ProductView product, Locale locale) {
        String type = product.productType().code();
        return new ProductResponse(product.id(), product.title(), product.description(),
                new ProductType(type, messages.get("product_type." + type, locale)), product.publisherName());
    }

    private static SkuResponse response(SkuView sku) {
        return new SkuResponse(sku.id(), sku.productId(), sku.title(), sku.minimumQuantity(), sku.maximumQuantity(),
                sku.supportedBillingCycles().stream().sorted().toList(), sku.termDuration().code().orElse(null),
                sku.contractType().code(), sku.cancellable(),
                sku.versions().stream().map(SoftwareVersion::name).toList(),
                sku.languages().stream().map(SoftwareLanguage::tag).sorted().toList(),
                sku.bitness().stream().sorted().map(Bitness::code).toList());
    }

    private AvailabilityResponse response(AvailabilityView availability, Locale locale) {
        TermDuration term = availability.term();
        return new AvailabilityResponse(availability.id(), availability.catalogItemId(), availability.country().code(),
                availability.listPrice().currency().getCurrencyCode(), availability.purchasable(),
                MoneyJson.of(availability.listPrice()), availability.taxIncluded(),
                List.of(new Term(term.code().orElse(null), messages.get("term." + term.name(), locale))),
                availability.baseComputePrice().map(MoneyJson::of).orElse(null),
                availability.hybridBenefit().map(CatalogResponses.HybridBenefit::of).orElse(null));
    }
}
