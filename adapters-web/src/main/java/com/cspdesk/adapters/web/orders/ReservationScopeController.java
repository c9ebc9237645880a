package com.cspdesk.adapters.web.orders;

import com.cspdesk.adapters.web.apidoc.ApiDoc;
import com.cspdesk.adapters.web.problem.Problem;
import com.cspdesk.adapters.web.problem.Problems;
import com.cspdesk.adapters.web.security.Actors;
import com.cspdesk.adapters.web.security.Refusals;
import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.application.ordering.port.in.ChangeReservationScope;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.customer.CustomerRef;
import com.cspdesk.domain.reservation.ProvisioningFault;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Issue #16 "Reservations provisioned": changes where a bought Azure reservation applies — its scope
 * ({@code shared}, or {@code single} with a {@code resourceGroup}) and, when given, the customer's Azure
 * subscription it is attached to. Partner Center has no such call on an order line, so the desk's own route
 * replaces the line's provisioning context ({@code PUT}: sending the same context again changes nothing).
 * Admin agents and global admins ({@link Permission#MANAGE_SUBSCRIPTIONS}); another tenant's customer, an
 * unknown order or line is 404; a cancelled reservation is 409, a line that is no reservation 422.
 */
@Tag(name = "orders")
@Controller("/v1/customers/{customerId}/orders/{orderId}/lineItems/{lineItemNumber}/provisioningContext")
@ExecuteOn(TaskExecutors.BLOCKING)
class ReservationScopeController {

    private final ChangeReservationScope changeScope;
    private final Problems problems;

    ReservationScopeController(ChangeReservationScope changeScope, Problems problems) {
        this.changeScope = changeScope;
        this.problems = problems;
    }

    @Operation(summary = "Changes an Azure reservation's scope (and subscription) after purchase; the answer is the order")
    @RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"scope": "single", "resourceGroup": "rg-web"}""")))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OrderJson.OrderResponse.class)))
    @ApiResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = ApiDoc.CONFLICT)
    @ApiResponse(responseCode = "422", ref = ApiDoc.UNPROCESSABLE)
    @Put
    @RequiresPermission(Permission.MANAGE_SUBSCRIPTIONS)
    HttpResponse<?> change(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                           @PathVariable String orderId, @PathVariable String lineItemNumber,
                           @Valid @Body ScopeRequest body) {
        Integer number = lineNumber(lineItemNumber);
        ChangeReservationScope.ChangeResult result = number == null
                ? new ChangeReservationScope.NotFound("line_item_not_found")
                : changeScope.change(new ChangeReservationScope.ChangeCommand(CustomerRef.parse(customerId).orElse(null),
                orderId, number, body.scope(), body.resourceGroup(), body.subscriptionId()), Actors.of(caller));
        if (result instanceof ChangeReservationScope.Changed changed) {
            return HttpResponse.ok(OrderJson.of(changed.order()));
        }
        if (result instanceof ChangeReservationScope.NotPermitted) {
            return Refusals.notPermitted(caller);
        }
        if (result instanceof ChangeReservationScope.NotFound notFound) {
            return problems.respond(request, HttpStatus.NOT_FOUND, notFound.code(),
                    notFound.code().equals("line_item_not_found") ? lineItemNumber : orderId);
        }
        if (result instanceof ChangeReservationScope.Refused refused) {
            return problems.respond(request, refused.code().equals(ChangeReservationScope.Refused.NOT_A_RESERVATION)
                    ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.CONFLICT, refused.code());
        }
        return invalid(request, (ChangeReservationScope.Invalid) result);
    }

    /** A bad scope, resource group or subscription: 400 naming the body's field, in the caller's language. */
    private MutableHttpResponse<?> invalid(HttpRequest<?> request, ChangeReservationScope.Invalid invalid) {
        ProvisioningFault fault = invalid.fault();
        Object[] arguments = invalid.arguments().toArray();
        List<Problem.FieldError> errors = List.of(problems.fieldError(request, fault.key(), fault.code(), arguments));
        return problems.respond(request, problems.problem(request, HttpStatus.BAD_REQUEST, fault.code(), errors, arguments));
    }

    private static Integer lineNumber(String value) {
        try {
            int number = Integer.parseInt(value.strip());
            return number < 0 ? null : number;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /**
     * Where the reservation is to apply: {@code scope} {@code shared} or {@code single} (any case),
     * {@code resourceGroup} for {@code single} only, {@code subscriptionId} left out to keep the line's.
     */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ScopeRequest(@Nullable @Size(max = 256) String scope, @Nullable @Size(max = 256) String resourceGroup,
                        @Nullable @Size(max = 256) String subscriptionId) {
    }
}
