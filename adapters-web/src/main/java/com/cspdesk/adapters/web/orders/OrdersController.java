package com.cspdesk.adapters.web.orders;

import com.cspdesk.adapters.web.api.ResourceCollection;
import com.cspdesk.adapters.web.catalog.MoneyJson;
import com.cspdesk.adapters.web.i18n.SupportedLanguages;
import com.cspdesk.adapters.web.idempotency.IdempotentResponses;
import com.cspdesk.adapters.web.orders.OrderRequests.LineItemResponse;
import com.cspdesk.adapters.web.orders.OrderRequests.OrderResponse;
import com.cspdesk.adapters.web.orders.OrderRequests.PlaceOrderRequest;
import com.cspdesk.adapters.web.orders.OrderRequests.Totals;
import com.cspdesk.adapters.web.problem.Problem;
import com.cspdesk.adapters.web.problem.Problems;
import com.cspdesk.adapters.web.security.Actors;
import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.application.customers.port.in.CustomerView;
import com.cspdesk.application.customers.port.in.GetCustomer;
import com.cspdesk.application.ordering.port.in.GetOrder;
import com.cspdesk.application.ordering.port.in.ListOrders;
import com.cspdesk.application.ordering.port.in.OrderView;
import com.cspdesk.application.ordering.port.in.PlaceOrder;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.application.shared.port.in.InvalidContinuationToken;
import com.cspdesk.application.shared.port.in.Page;
import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.domain.market.Market;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.order.OrderPlacement;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * api.md "Orders": buying on a customer's behalf (admin agents, global admins) and reading the
 * orders (also sales agents, and a customer's own admin for its tenant; another tenant's
 * customer is 404). The customer is addressed by tenant id or by domain.
 */
@Controller("/v1/customers/{customerId}/orders")
@ExecuteOn(TaskExecutors.BLOCKING)
class OrdersController {

    private static final Pattern TENANT_ID = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");

    private final PlaceOrder placeOrder;
    private final ListOrders listOrders;
    private final GetOrder getOrder;
    private final GetCustomer getCustomer;
    private final IdempotentResponses idempotent;
    private final Problems problems;

    OrdersController(PlaceOrder placeOrder, ListOrders listOrders, GetOrder getOrder, GetCustomer getCustomer,
                     IdempotentResponses idempotent, Problems problems) {
        this.placeOrder = placeOrder;
        this.listOrders = listOrders;
        this.getOrder = getOrder;
        this.getCustomer = getCustomer;
        this.idempotent = idempotent;
        this.problems = problems;
    }

    @Post
    @RequiresPermission(Permission.PLACE_ORDER)
    HttpResponse<?> place(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                          @Valid @Body PlaceOrderRequest body) {
        if (body.status() != null) {
            return problems.respond(request, problems.problem(request, HttpStatus.BAD_REQUEST, "status_read_only",
                    List.of(problems.fieldError(request, "status", "status_read_only"))));
        }
        Actor actor = Actors.of(caller);
        return idempotent.run(request, caller, body, () -> {
            Optional<String> tenant = tenantOf(customerId, actor);
            if (tenant.isEmpty()) {
                return customerNotFound(request);
            }
            List<PlaceOrder.LineItem> lines = body.lineItems().stream()
                    .map(line -> new PlaceOrder.LineItem(line.lineItemNumber(), line.offerId().strip(), line.wholeQuantity()))
                    .toList();
            PlaceOrder.PlaceOrderResult result = placeOrder.place(
                    new PlaceOrder.PlaceOrderCommand(tenant.get(), body.billingCycle().strip(), lines), actor);
            if (result instanceof PlaceOrder.Placed placed) {
                OrderResponse order = response(placed.order());
                return HttpResponse.created(order, URI.create(self(placed.order())));
            }
            if (result instanceof PlaceOrder.CustomerNotFound) {
                return customerNotFound(request);
            }
            return refusal(request, (PlaceOrder.Refused) result, tenant.get(), actor);
        });
    }

    @Get
    @RequiresPermission(Permission.VIEW_ORDERS)
    HttpResponse<?> list(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                         @QueryValue @Nullable @Min(1) @Max(PageRequest.MAX_SIZE) Integer size,
                         @QueryValue @Nullable @Size(max = 1024) String continuationToken) {
        Actor actor = Actors.of(caller);
        Optional<String> tenant = tenantOf(customerId, actor);
        if (tenant.isEmpty()) {
            return customerNotFound(request);
        }
        int pageSize = size == null ? PageRequest.DEFAULT_SIZE : size;
        Optional<Page<OrderView>> page;
        try {
            page = listOrders.list(tenant.get(), new PageRequest(pageSize, Optional.ofNullable(continuationToken)), actor);
        } catch (InvalidContinuationToken invalid) {
            return problems.respond(request, problems.problem(request, HttpStatus.BAD_REQUEST, "continuation_token_invalid",
                    List.of(problems.fieldError(request, "continuationToken", "continuation_token_invalid"))));
        }
        if (page.isEmpty()) {
            return customerNotFound(request);
        }
        String next = page.get().continuationToken()
                .map(token -> UriBuilder.of(collection(tenant.get())).queryParam("size", pageSize)
                        .queryParam("continuationToken", token).toString())
                .orElse(null);
        return HttpResponse.ok(ResourceCollection.of(page.get().totalCount(),
                page.get().items().stream().map(OrdersController::response).toList(), next));
    }

    @Get("/{orderId}")
    @RequiresPermission(Permission.VIEW_ORDERS)
    HttpResponse<?> get(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                        @PathVariable String orderId) {
        Actor actor = Actors.of(caller);
        Optional<String> tenant = tenantOf(customerId, actor);
        if (tenant.isEmpty()) {
            return customerNotFound(request);
        }
        return getOrder.get(tenant.get(), orderId, actor)
                .filter(order -> actor.maySee(order.customerTenantId()))
                .<HttpResponse<?>>map(order -> HttpResponse.ok(response(order)))
                .orElseGet(() -> problems.respond(request, HttpStatus.NOT_FOUND, "order_not_found", orderId));
    }

    /**
     * The tenant id the path names: itself when it is a GUID, else the tenant of the customer with
     * that domain. Empty when the actor may not see that tenant (a customer's admin, another tenant).
     */
    private Optional<String> tenantOf(String customerId, Actor actor) {
        String key = customerId.strip();
        if (TENANT_ID.matcher(key).matches()) {
            return actor.maySee(key) ? Optional.of(key) : Optional.empty();
        }
        return getCustomer.get(key, actor).map(CustomerView::tenantId).filter(actor::maySee);
    }

    private MutableHttpResponse<?> customerNotFound(HttpRequest<?> request) {
        return problems.respond(request, HttpStatus.NOT_FOUND, "customer_not_found");
    }

    private MutableHttpResponse<?> refusal(HttpRequest<?> request, PlaceOrder.Refused refused, String tenant, Actor actor) {
        String code = refused.reason().code();
        List<Problem.FieldError> errors = List.of(problems.fieldError(request, field(refused), code));
        if (!refused.reason().businessRule()) {
            return problems.respond(request, problems.problem(request, HttpStatus.BAD_REQUEST, code, errors));
        }
        if (refused.reason() == OrderPlacement.Reason.MARKET_UNAVAILABLE) {
            Optional<Market> market = refused.arguments().stream().map(Market::parse).flatMap(Optional::stream).findFirst()
                    .or(() -> getCustomer.get(tenant, actor).map(CustomerView::country));
            String marketCode = market.map(Market::code).orElse("");
            Locale locale = SupportedLanguages.of(request);
            String name = market.map(m -> countryName(m, locale)).orElse(marketCode);
            return problems.respond(request, problems.problem(request, HttpStatus.UNPROCESSABLE_ENTITY, code, errors,
                    name, marketCode));
        }
        return problems.respond(request, problems.problem(request, HttpStatus.UNPROCESSABLE_ENTITY, code, errors,
                refused.arguments().toArray()));
    }

    /** The request's field a refusal is about: the use case names the line (by index) and its part, the paths are ours. */
    static String field(PlaceOrder.Refused refused) {
        return switch (refused.part()) {
            case LINE_ITEMS -> "lineItems";
            case BILLING_CYCLE -> "billingCycle";
            case LINE_ITEM_NUMBER -> line(refused) + ".lineItemNumber";
            case OFFER -> line(refused) + ".offerId";
            case QUANTITY -> line(refused) + ".quantity";
        };
    }

    private static String line(PlaceOrder.Refused refused) {
        return "lineItems[" + refused.lineIndex().orElseThrow() + "]";
    }

    /** The market's name in the caller's language ({@code Grönland}, {@code Grönland}, {@code Greenland}). */
    static String countryName(Market market, Locale locale) {
        String name = new Locale("", market.code()).getDisplayCountry(locale);
        return name == null || name.isBlank() || name.equals(market.code()) ? market.code() : name;
    }

    private static String collection(String tenantId) {
        return "/v1/customers/" + tenantId + "/orders";
    }

    static String self(OrderView order) {
        return collection(order.customerTenantId()) + "/" + order.id();
    }

    static OrderResponse response(OrderView order) {
        List<LineItemResponse> lines = order.lineItems().stream().map(line -> new LineItemResponse(
                line.lineItemNumber(), line.offerId(), line.productId(), line.skuId(), line.friendlyName(),
                line.quantity(), line.termDuration().code().orElse(null), MoneyJson.of(line.unitPrice()),
                MoneyJson.of(line.charged().net()), MoneyJson.of(line.charged().tax()), MoneyJson.of(line.charged().gross()),
                line.taxIncluded(), line.status().code())).toList();
        return new OrderResponse(order.id(), order.customerTenantId(), order.billingCycle(),
                order.currency().getCurrencyCode(), order.creationDate(), order.status().code(), lines,
                totals(order.totals()), Map.of("self", new ResourceCollection.Link(self(order), "GET")));
    }

    private static Totals totals(PriceQuote quote) {
        return new Totals(MoneyJson.of(quote.net()), MoneyJson.of(quote.tax()), MoneyJson.of(quote.gross()));
    }
}
