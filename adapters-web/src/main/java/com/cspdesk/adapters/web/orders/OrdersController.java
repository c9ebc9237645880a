package com.cspdesk.adapters.web.orders;

import com.cspdesk.adapters.web.api.Revalidated;
import com.cspdesk.adapters.web.apidoc.ApiDoc;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.cspdesk.adapters.web.api.Answers;
import com.cspdesk.adapters.web.security.Refusals;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.customer.CustomerRef;
import com.cspdesk.adapters.web.api.ResourceCollection;
import com.cspdesk.adapters.web.i18n.SupportedLanguages;
import com.cspdesk.adapters.web.idempotency.IdempotentResponses;
import com.cspdesk.adapters.web.orders.OrderRequests.PlaceOrderRequest;
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
import java.util.Optional;

/**
 * api.md "Orders": buying on a customer's behalf (admin agents, global admins) and reading the
 * orders (also sales agents, and a customer's own admin for its tenant; another tenant's
 * customer is 404). The customer is addressed by tenant id or by domain.
 */
@Tag(name = "orders")
@Controller("/v1/customers/{customerId}/orders")
@ExecuteOn(TaskExecutors.BLOCKING)
class OrdersController {

    private final PlaceOrder placeOrder;
    private final ListOrders listOrders;
    private final GetOrder getOrder;
    private final GetCustomer getCustomer;
    private final IdempotentResponses idempotent;
    private final Problems problems;
    private final Answers answers;

    OrdersController(PlaceOrder placeOrder, ListOrders listOrders, GetOrder getOrder, GetCustomer getCustomer,
                     IdempotentResponses idempotent, Problems problems, Answers answers) {
        this.placeOrder = placeOrder;
        this.listOrders = listOrders;
        this.getOrder = getOrder;
        this.getCustomer = getCustomer;
        this.idempotent = idempotent;
        this.problems = problems;
        this.answers = answers;
    }

    @Operation(summary = "Places an order for a customer (Partner Center's shape; MS-RequestId makes a retry safe)")
    @RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"billingCycle": "one_time", "lineItems": [{"lineItemNumber": 0, "offerId": "DG7GMGF0FKZV:0001:DG7GMGF0DWMS", "quantity": 2}]}""")))
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = OrderJson.OrderResponse.class)))
    @ApiResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = ApiDoc.CONFLICT)
    @ApiResponse(responseCode = "422", ref = ApiDoc.UNPROCESSABLE)
    @Post
    @RequiresPermission(Permission.PLACE_ORDER)
    HttpResponse<?> place(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                          @Valid @Body PlaceOrderRequest body) {
        if (body.status() != null) {
            return problems.respond(request, problems.problem(request, HttpStatus.BAD_REQUEST, "status_read_only",
                    List.of(problems.fieldError(request, "status", "status_read_only"))));
        }
        Actor actor = Actors.of(caller);
        CustomerRef customer = CustomerRef.parse(customerId).orElse(null);
        return idempotent.run(request, caller, body, () -> {
            List<PlaceOrder.LineItem> lines = body.lineItems().stream()
                    .map(line -> new PlaceOrder.LineItem(line.lineItemNumber(), line.offerId().strip(), line.wholeQuantity(),
                            line.provisioningContext()))
                    .toList();
            PlaceOrder.PlaceOrderResult result = placeOrder.place(
                    new PlaceOrder.PlaceOrderCommand(customer, body.billingCycle().strip(), lines), actor);
            if (result instanceof PlaceOrder.Placed placed) {
                return HttpResponse.created(OrderJson.of(placed.order()), URI.create(OrderJson.self(placed.order())));
            }
            if (result instanceof PlaceOrder.CustomerNotFound) {
                return customerNotFound(request);
            }
            if (result instanceof PlaceOrder.NotPermitted) {
                return Refusals.notPermitted(caller);
            }
            return refusal(request, (PlaceOrder.Refused) result, customer, actor);
        });
    }

    @Operation(summary = "Lists a customer's orders page by page")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(allOf = {ResourceCollection.class, OrderRequests.OrderItems.class})))
    @ApiResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
    @ApiResponse(responseCode = "304", description = ApiDoc.NOT_MODIFIED_DESCRIPTION)
    @Get
    @RequiresPermission(Permission.VIEW_ORDERS)
    @Revalidated
    HttpResponse<?> list(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                         @QueryValue @Nullable @Min(1) @Max(PageRequest.MAX_SIZE) Integer size,
                         @QueryValue @Nullable @Size(max = 1024) String continuationToken) {
        int pageSize = size == null ? PageRequest.DEFAULT_SIZE : size;
        Lookup<Page<OrderView>> page;
        try {
            page = listOrders.list(CustomerRef.parse(customerId).orElse(null),
                    new PageRequest(pageSize, ResourceCollection.requestedToken(request, continuationToken)), Actors.of(caller));
        } catch (InvalidContinuationToken invalid) {
            return problems.badField(request, "continuation_token_invalid", "continuationToken");
        }
        return answers.of(request, caller, page, orders -> HttpResponse.ok(ResourceCollection.of(orders.totalCount(),
                orders.items().stream().map(OrderJson::of).toList(),
                next(orders, pageSize))));
    }

    @Operation(summary = "Reads an order")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OrderJson.OrderResponse.class)))
    @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
    @ApiResponse(responseCode = "304", description = ApiDoc.NOT_MODIFIED_DESCRIPTION)
    @Get("/{orderId}")
    @RequiresPermission(Permission.VIEW_ORDERS)
    @Revalidated
    HttpResponse<?> get(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                        @PathVariable String orderId) {
        return answers.of(request, caller, getOrder.get(CustomerRef.parse(customerId).orElse(null), orderId, Actors.of(caller)),
                order -> HttpResponse.ok(OrderJson.of(order)), orderId);
    }

    /** The next page's link, under the customer's tenant id (the token is scoped to it). */
    private static String next(Page<OrderView> orders, int pageSize) {
        return orders.continuationToken().filter(token -> !orders.items().isEmpty())
                .map(token -> UriBuilder.of(OrderJson.collection(orders.items().get(0).customerTenantId())).queryParam("size", pageSize)
                        .queryParam("continuationToken", token).toString())
                .orElse(null);
    }

    private MutableHttpResponse<?> customerNotFound(HttpRequest<?> request) {
        return problems.respond(request, HttpStatus.NOT_FOUND, "customer_not_found");
    }

    private MutableHttpResponse<?> refusal(HttpRequest<?> request, PlaceOrder.Refused refused, CustomerRef customer, Actor actor) {
        String code = refused.reason().code();
        List<Problem.FieldError> errors = List.of(problems.fieldError(request, field(refused), code, refused.arguments().toArray()));
        if (!refused.reason().businessRule()) {
            return problems.respond(request, problems.problem(request, HttpStatus.BAD_REQUEST, code, errors,
                    refused.arguments().toArray()));
        }
        if (refused.reason() == OrderPlacement.Reason.MARKET_UNAVAILABLE) {
            Optional<Market> market = refused.arguments().stream().map(Market::parse).flatMap(Optional::stream).findFirst()
                    .or(() -> getCustomer.get(customer, actor).ifFound().map(CustomerView::country));
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
            case PROVISIONING_CONTEXT -> line(refused) + ".provisioningContext";
            case PROVISIONING_SUBSCRIPTION_ID -> line(refused) + ".provisioningContext.subscriptionId";
            case PROVISIONING_SCOPE -> line(refused) + ".provisioningContext.scope";
            case PROVISIONING_RESOURCE_GROUP -> line(refused) + ".provisioningContext.resourceGroup";
            case PROVISIONING_DURATION -> line(refused) + ".provisioningContext.duration";
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
}
