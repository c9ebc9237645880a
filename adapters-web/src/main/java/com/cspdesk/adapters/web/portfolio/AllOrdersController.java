package com.cspdesk.adapters.web.portfolio;

import com.cspdesk.adapters.web.api.Revalidated;
import com.cspdesk.adapters.web.api.CsvRequests;
import com.cspdesk.adapters.web.api.ResourceCollection;
import com.cspdesk.adapters.web.apidoc.ApiDoc;
import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.application.ordering.port.in.OrderView;
import com.cspdesk.application.portfolio.port.in.CustomerOrderView;
import com.cspdesk.application.portfolio.port.in.ListOrdersAcrossCustomers;
import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.domain.access.Permission;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.util.List;

import static com.cspdesk.adapters.web.portfolio.AcrossCustomersAnswers.text;

/**
 * {@code GET /v1/orders} (#16): every customer's orders, newest first, each with its customer's tenant id
 * ({@code referenceCustomerId}) and name; filters {@code customerId} (tenant id or domain), {@code productId},
 * {@code status} (pending, completed, cancelled), {@code createdFrom} (inclusive) and {@code createdTo}
 * (exclusive), keyset pages, or the whole filtered list as CSV ({@code format=csv} or {@code Accept: text/csv}), one
 * line per order line. Admin and sales agents and global admins ({@code VIEW_ACROSS_CUSTOMERS}); everyone else 403.
 */
@Tag(name = "views across customers")
@Controller("/v1/orders")
@ExecuteOn(TaskExecutors.BLOCKING)
class AllOrdersController {

    static final List<String> CSV_HEADER = List.of("customerId", "customerName", "orderId", "creationDate", "status",
            "currencyCode", "billingCycle", "lineItemNumber", "productId", "skuId", "friendlyName", "quantity",
            "termDuration", "net", "tax", "gross", "taxIncluded", "lineStatus", "createdBy");

    private final ListOrdersAcrossCustomers orders;
    private final AcrossCustomersAnswers answers;

    AllOrdersController(ListOrdersAcrossCustomers orders, AcrossCustomersAnswers answers) {
        this.orders = orders;
        this.answers = answers;
    }

    @Operation(summary = "Lists every customer's orders, newest first (filters customerId, productId, status, "
            + "createdFrom, createdTo; totalCount is the page's); CSV with format=csv")
    @ApiResponse(responseCode = "200", content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(allOf = {
            ResourceCollection.class, AcrossCustomersJson.OrderItems.class})),
        @Content(mediaType = CsvRequests.TEXT_CSV, schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
    @ApiResponse(responseCode = "304", description = ApiDoc.NOT_MODIFIED_DESCRIPTION)
    @Get(produces = {MediaType.APPLICATION_JSON, CsvRequests.TEXT_CSV, "application/problem+json"}, headRoute = false)
    @Revalidated
    @RequiresPermission(Permission.VIEW_ACROSS_CUSTOMERS)
    HttpResponse<?> list(HttpRequest<?> request, Authentication caller,
                         @QueryValue @Nullable @Size(max = 255) String customerId,
                         @QueryValue @Nullable @Size(max = 64) String productId,
                         @QueryValue @Nullable @Size(max = 32) String status,
                         @QueryValue @Nullable @Size(max = 64) String createdFrom,
                         @QueryValue @Nullable @Size(max = 64) String createdTo,
                         @QueryValue @Nullable @Min(1) @Max(PageRequest.MAX_SIZE) Integer size,
                         @QueryValue @Nullable @Size(max = 1024) String continuationToken,
                         @QueryValue @Nullable @Size(max = 16) String format) {
        AcrossCustomersAnswers.Filters filters = new AcrossCustomersAnswers.Filters("/v1/orders", customerId, productId,
                status, "createdFrom", createdFrom, "createdTo", createdTo);
        return answers.answer(request, caller, filters, size, continuationToken, format, orders,
                new AcrossCustomersAnswers.Shape<>(AcrossCustomersJson::order, "orders.csv", CSV_HEADER, AllOrdersController::csvLines));
    }

    /** One line per order line. */
    static List<List<String>> csvLines(CustomerOrderView view) {
        OrderView order = view.order();
        return order.lineItems().stream().map(line -> List.of(order.customerTenantId(), view.customerName(), order.id(),
                text(order.creationDate()), order.status().code(), order.currency().getCurrencyCode(), order.billingCycle(),
                text(line.lineItemNumber()), line.productId(), line.skuId(), line.friendlyName(), text(line.quantity()),
                line.termDuration().code().orElse(""), line.charged().net().amount().toPlainString(),
                line.charged().tax().amount().toPlainString(), line.charged().gross().amount().toPlainString(),
                text(line.taxIncluded()), line.status().code(), order.createdBy())).toList();
    }
}
