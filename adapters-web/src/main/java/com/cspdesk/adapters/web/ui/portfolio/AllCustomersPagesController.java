package com.cspdesk.adapters.web.ui.portfolio;

import com.cspdesk.adapters.web.security.Actors;
import com.cspdesk.adapters.web.security.Refusals;
import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.adapters.web.ui.shared.UiPages;
import com.cspdesk.application.catalog.port.in.CatalogViews.ProductView;
import com.cspdesk.application.catalog.port.in.GetPriceSheet;
import com.cspdesk.application.catalog.port.in.ListProducts;
import com.cspdesk.application.portfolio.port.in.AcrossCustomersQuery;
import com.cspdesk.application.portfolio.port.in.AcrossCustomersResult;
import com.cspdesk.application.portfolio.port.in.ListOrdersAcrossCustomers;
import com.cspdesk.application.portfolio.port.in.ListSoftwareInventory;
import com.cspdesk.application.portfolio.port.in.ListSubscriptionsAcrossCustomers;
import com.cspdesk.application.shared.port.in.InvalidContinuationToken;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.customer.CustomerRef;
import com.cspdesk.domain.market.Market;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * #16's views across all customers in the dashboard, for admin and sales agents and global admins (the main menu's
 * "All customers"): every customer's orders and the licence inventory, filtered by a GET form (customer, product,
 * status, a range of whole days in UTC, both ends included) that works without script, "Next page" links, and the
 * filtered list as CSV through the JSON API ({@code /v1/orders?…&format=csv}, which the session cookie may read); and
 * a market's price sheet with its CSV.
 */
@Hidden
@Controller(AllCustomersPagesController.PATH)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@RequiresPermission(Permission.VIEW_ACROSS_CUSTOMERS)
public class AllCustomersPagesController {

    public static final String PATH = "/ui/all";
    static final List<String> ORDER_STATUSES = List.of("pending", "completed", "cancelled");
    static final List<String> SOFTWARE_STATUSES = List.of("active", "cancelled");
    static final List<String> SUBSCRIPTION_STATUSES = List.of("active", "expired", "cancelled");
    /** The markets the picker suggests (any ISO 3166 code may be typed). */
    private static final int PAGE_SIZE = 50;

    private final ListOrdersAcrossCustomers orders;
    private final ListSoftwareInventory inventory;
    private final ListSubscriptionsAcrossCustomers subscriptions;
    private final GetPriceSheet priceSheet;
    private final ListProducts listProducts;
    private final UiPages pages;

    AllCustomersPagesController(ListOrdersAcrossCustomers orders, ListSoftwareInventory inventory,
                                ListSubscriptionsAcrossCustomers subscriptions, GetPriceSheet priceSheet,
                                ListProducts listProducts, UiPages pages) {
        this.orders = orders;
        this.inventory = inventory;
        this.subscriptions = subscriptions;
        this.priceSheet = priceSheet;
        this.listProducts = listProducts;
        this.pages = pages;
    }

    @Get("/orders")
    HttpResponse<?> orders(HttpRequest<?> request, Authentication caller, @Nullable @QueryValue String customer,
                           @Nullable @QueryValue String product, @Nullable @QueryValue String status,
                           @Nullable @QueryValue String from, @Nullable @QueryValue String to, @Nullable @QueryValue String page) {
        Form form = new Form(customer, product, status, from, to);
        return list(request, caller, "orders", "/v1/orders", "createdFrom", "createdTo", ORDER_STATUSES, form, page,
                query -> orders.list(query, Actors.of(caller)));
    }

    @Get("/software")
    HttpResponse<?> software(HttpRequest<?> request, Authentication caller, @Nullable @QueryValue String customer,
                             @Nullable @QueryValue String product, @Nullable @QueryValue String status,
                             @Nullable @QueryValue String from, @Nullable @QueryValue String to, @Nullable @QueryValue String page) {
        Form form = new Form(customer, product, status, from, to);
        return list(request, caller, "software", "/v1/software", "purchasedFrom", "purchasedTo", SOFTWARE_STATUSES, form,
                page, query -> inventory.list(query, Actors.of(caller)));
    }

    /** Subscriptions (issue #16): the soonest term end first; the day range filters the term end. */
    @Get("/subscriptions")
    HttpResponse<?> subscriptions(HttpRequest<?> request, Authentication caller, @Nullable @QueryValue String customer,
                                  @Nullable @QueryValue String product, @Nullable @QueryValue String status,
                                  @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                  @Nullable @QueryValue String page) {
        Form form = new Form(customer, product, status, from, to);
        return list(request, caller, "subscriptions", "/v1/subscriptions", "termEndFrom", "termEndTo", SUBSCRIPTION_STATUSES,
                form, page, query -> subscriptions.list(query, Actors.of(caller)));
    }

    @Get("/pricesheet")
    HttpResponse<?> priceSheet(HttpRequest<?> request, Authentication caller, @Nullable @QueryValue String country) {
        Map<String, Object> model = model("pricesheet");
        String chosen = country == null || country.isBlank() ? "US" : country.strip().toUpperCase(Locale.ROOT);
        model.put("country", chosen.length() > 8 ? chosen.substring(0, 8) : chosen);
        Optional<Market> market = Market.parse(chosen);
        if (market.isEmpty()) {
            model.put("errorKey", "across.countryInvalid");
            model.put("rows", List.of());
            return pages.render(request, HttpStatus.BAD_REQUEST, "portfolio/pricesheet", model);
        }
        Lookup<List<GetPriceSheet.PriceSheetRow>> sheet = priceSheet.priceSheet(market.get(), Actors.of(caller));
        if (!(sheet instanceof Lookup.Found<List<GetPriceSheet.PriceSheetRow>> found)) {
            return Refusals.notPermitted(caller);
        }
        model.put("rows", found.value());
        model.put("csvHref", UriBuilder.of("/v1/pricesheets").queryParam("country", market.get().code())
                .queryParam("format", "csv").toString());
        return pages.page(request, "portfolio/pricesheet", model);
    }

    private <V> HttpResponse<?> list(HttpRequest<?> request, Authentication caller, String tab, String apiPath,
                                     String fromName, String toName, List<String> statuses, Form form, @Nullable String page,
                                     Function<AcrossCustomersQuery, AcrossCustomersResult<V>> read) {
        Map<String, Object> model = model(tab);
        model.put("statuses", statuses);
        model.put("products", products(Actors.of(caller)));
        model.put("form", form);
        model.put("rows", List.of());
        Optional<LocalDate> from = date(form.from());
        Optional<LocalDate> to = date(form.to());
        if ((blank(form.from()) != from.isEmpty()) || (blank(form.to()) != to.isEmpty())) {
            model.put("errorKey", "across.dateInvalid");
            return pages.render(request, HttpStatus.BAD_REQUEST, "portfolio/" + tab, model);
        }
        Optional<CustomerRef> customer = blank(form.customer()) ? Optional.empty() : CustomerRef.parse(form.customer().strip());
        if (!blank(form.customer()) && customer.isEmpty()) {
            model.put("errorKey", "across.refused.customer_not_found");
            return pages.render(request, HttpStatus.BAD_REQUEST, "portfolio/" + tab, model);
        }
        AcrossCustomersQuery query = new AcrossCustomersQuery(customer, Optional.ofNullable(form.product()),
                Optional.ofNullable(form.status()), from.map(day -> day.atStartOfDay(ZoneOffset.UTC).toInstant()),
                to.map(day -> day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()),
                new PageRequest(PAGE_SIZE, Optional.ofNullable(page).filter(p -> p.length() <= 1024)));
        AcrossCustomersResult<V> result;
        try {
            result = read.apply(query);
        } catch (InvalidContinuationToken stale) {
            return UiPages.redirect(request, PATH + "/" + tab);
        }
        if (result instanceof AcrossCustomersResult.Refused<V> refused) {
            model.put("errorKey", "across.refused." + refused.reason());
            return pages.render(request, HttpStatus.BAD_REQUEST, "portfolio/" + tab, model);
        }
        if (result instanceof AcrossCustomersResult.NotPermitted<V>) {
            return Refusals.notPermitted(caller);
        }
        AcrossCustomersResult.Found<V> found = (AcrossCustomersResult.Found<V>) result;
        model.put("rows", found.page().items());
        model.put("isFirstPage", blank(page));
        Map<String, String> filters = form.parameters("customer", "product", "status", "from", "to");
        model.put("firstHref", uri(PATH + "/" + tab, filters).toString());
        found.page().continuationToken().ifPresent(token ->
                model.put("nextHref", uri(PATH + "/" + tab, filters).queryParam("page", token).toString()));
        Map<String, String> api = new LinkedHashMap<>();
        query.customer().ifPresent(ref -> api.put("customerId", ref.value()));
        query.productId().ifPresent(id -> api.put("productId", id));
        query.status().ifPresent(code -> api.put("status", code));
        from.ifPresent(day -> api.put(fromName, day.toString()));
        to.ifPresent(day -> api.put(toName, day.plusDays(1).toString()));
        model.put("csvHref", uri(apiPath, api).queryParam("format", "csv").toString());
        return pages.page(request, "portfolio/" + tab, model);
    }

    private List<ProductView> products(Actor actor) {
        return listProducts.products(Market.of("US"), Optional.empty(), actor).ifFound().orElse(List.of());
    }

    private static Map<String, Object> model(String tab) {
        Map<String, Object> model = new HashMap<>();
        model.put("section", "all");
        model.put("titleKey", "across.tab." + tab);
        model.put("tab", tab);
        return model;
    }

    private static UriBuilder uri(String path, Map<String, String> parameters) {
        UriBuilder uri = UriBuilder.of(path);
        parameters.forEach(uri::queryParam);
        return uri;
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    private static Optional<LocalDate> date(@Nullable String text) {
        if (blank(text) || text.length() > 10) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    /** The filter form as it was sent (blank fields are none). */
    public record Form(@Nullable String customer, @Nullable String product, @Nullable String status,
                       @Nullable String from, @Nullable String to) {

        public Form {
            customer = blank(customer) ? null : customer.strip();
            product = blank(product) ? null : product.strip();
            status = blank(status) ? null : status.strip();
            from = blank(from) ? null : from.strip();
            to = blank(to) ? null : to.strip();
        }

        Map<String, String> parameters(String... names) {
            Map<String, String> given = new LinkedHashMap<>();
            List<String> values = java.util.Arrays.asList(customer, product, status, from, to);
            for (int i = 0; i < names.length; i++) {
                if (values.get(i) != null) {
                    given.put(names[i], values.get(i));
                }
            }
            return given;
        }
    }
}
