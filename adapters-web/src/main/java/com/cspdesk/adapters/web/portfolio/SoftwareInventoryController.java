package com.cspdesk.adapters.web.portfolio;

import com.cspdesk.adapters.web.api.Revalidated;
import com.cspdesk.adapters.web.api.CsvRequests;
import com.cspdesk.adapters.web.api.ResourceCollection;
import com.cspdesk.adapters.web.apidoc.ApiDoc;
import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.application.portfolio.port.in.CustomerSoftwareView;
import com.cspdesk.application.portfolio.port.in.ListSoftwareInventory;
import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.application.software.port.in.SoftwareView;
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
 * {@code GET /v1/software} (#16), the licence inventory: every customer's software lines, newest purchase first, each
 * with its customer and quantity; filters {@code customerId} (tenant id or domain), {@code productId}, {@code status}
 * (active, cancelled), {@code purchasedFrom} (inclusive) and {@code purchasedTo} (exclusive), keyset pages, or the whole
 * filtered inventory as CSV. Admin and sales agents and global admins ({@code VIEW_ACROSS_CUSTOMERS}); everyone else 403.
 */
@Tag(name = "views across customers")
@Controller("/v1/software")
@ExecuteOn(TaskExecutors.BLOCKING)
class SoftwareInventoryController {

    static final List<String> CSV_HEADER = List.of("customerId", "customerName", "id", "orderId", "lineItemNumber",
            "productId", "skuId", "productName", "contractType", "purchaseDate", "status", "quantity", "versions",
            "languages", "bitness");

    private final ListSoftwareInventory inventory;
    private final AcrossCustomersAnswers answers;

    SoftwareInventoryController(ListSoftwareInventory inventory, AcrossCustomersAnswers answers) {
        this.inventory = inventory;
        this.answers = answers;
    }

    @Operation(summary = "Lists every customer's software lines, newest purchase first (filters customerId, productId, "
            + "status, purchasedFrom, purchasedTo; totalCount is the page's); CSV with format=csv")
    @ApiResponse(responseCode = "200", content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(allOf = {
            ResourceCollection.class, AcrossCustomersJson.InventoryItems.class})),
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
                         @QueryValue @Nullable @Size(max = 64) String purchasedFrom,
                         @QueryValue @Nullable @Size(max = 64) String purchasedTo,
                         @QueryValue @Nullable @Min(1) @Max(PageRequest.MAX_SIZE) Integer size,
                         @QueryValue @Nullable @Size(max = 1024) String continuationToken,
                         @QueryValue @Nullable @Size(max = 16) String format) {
        AcrossCustomersAnswers.Filters filters = new AcrossCustomersAnswers.Filters("/v1/software", customerId, productId,
                status, "purchasedFrom", purchasedFrom, "purchasedTo", purchasedTo);
        return answers.answer(request, caller, filters, size, continuationToken, format, inventory,
                new AcrossCustomersAnswers.Shape<>(AcrossCustomersJson::software, "software-inventory.csv", CSV_HEADER,
                        SoftwareInventoryController::csvLines));
    }

    static List<List<String>> csvLines(CustomerSoftwareView view) {
        SoftwareView software = view.software();
        return List.of(List.of(view.customerTenantId(), view.customerName(), software.id(), software.orderId(),
                text(software.lineItemNumber()), software.productId(), software.skuId(), software.productName(),
                software.contractType().code(), text(software.purchaseDate()), software.active() ? "active" : "cancelled",
                text(view.quantity()), String.join(" ", AcrossCustomersJson.versions(software)),
                String.join(" ", AcrossCustomersJson.languages(software)),
                String.join(" ", AcrossCustomersJson.bitness(software))));
    }
}
