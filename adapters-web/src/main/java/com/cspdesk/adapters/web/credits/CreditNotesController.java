package com.cspdesk.adapters.web.credits;

import com.cspdesk.adapters.web.apidoc.ApiDoc;
import com.cspdesk.adapters.web.credits.CreditNoteMessages.AmountBody;
import com.cspdesk.adapters.web.credits.CreditNoteMessages.CreditNoteRequest;
import com.cspdesk.adapters.web.idempotency.IdempotentResponses;
import com.cspdesk.adapters.web.problem.Problems;
import com.cspdesk.adapters.web.security.Actors;
import com.cspdesk.adapters.web.security.Refusals;
import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.application.credits.port.in.IssueCreditNote;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.customer.CustomerRef;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Manual credit notes (issue #16 item 5): a global or account admin credits a customer's order — goodwill,
 * or a refund — with a reason; the credit is on the next monthly invoice. Another tenant's customer or
 * order is 404; more than the order can still be credited is 422 naming what is left.
 */
@Tag(name = "orders")
@Controller("/v1/customers/{customerId}/orders/{orderId}/credits")
@ExecuteOn(TaskExecutors.BLOCKING)
class CreditNotesController {

    /** The fields each refusal is about. */
    private static final Map<String, String> FIELDS = Map.of(
            "credit_amount_invalid", "amount",
            "credit_currency_mismatch", "amount.currency",
            "credit_exceeds_creditable", "amount.amount",
            "credit_explanation_missing", "explanation",
            "credit_reason_unknown", "reason",
            "credit_reason_not_manual", "reason");

    private final IssueCreditNote issueCreditNote;
    private final IdempotentResponses idempotent;
    private final Problems problems;

    CreditNotesController(IssueCreditNote issueCreditNote, IdempotentResponses idempotent, Problems problems) {
        this.issueCreditNote = issueCreditNote;
        this.idempotent = idempotent;
        this.problems = problems;
    }

    @Operation(summary = "Issues a manual credit note for the order (goodwill or a refund), on the next monthly invoice")
    @RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"amount": {"amount": "50.00", "currency": "EUR"}, "reason": "goodwill", "explanation": "Keys delivered late"}""")))
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = CreditNoteMessages.CreditNoteResponse.class)))
    @ApiResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
    @ApiResponse(responseCode = "422", ref = ApiDoc.UNPROCESSABLE)
    @Post
    @RequiresPermission(Permission.ISSUE_CREDIT_NOTE)
    HttpResponse<?> issue(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                          @PathVariable String orderId, @Valid @Body CreditNoteRequest body) {
        AmountBody amount = body.amount() == null ? new AmountBody(null, null) : body.amount();
        IssueCreditNote.NewCreditNote command = new IssueCreditNote.NewCreditNote(CustomerRef.parse(customerId).orElse(null),
                orderId, body.reason(), amount.amount(), amount.currency(), body.explanation());
        return idempotent.run(request, caller, body, () -> {
            IssueCreditNote.IssueResult result = issueCreditNote.issue(command, Actors.of(caller));
            if (result instanceof IssueCreditNote.Issued issued) {
                return HttpResponse.created(CreditNoteMessages.response(issued.note()),
                        URI.create("/v1/customers/" + issued.note().customerTenantId() + "/orders/" + issued.note().orderId()));
            }
            if (result instanceof IssueCreditNote.NotPermitted) {
                return Refusals.notPermitted(caller);
            }
            if (result instanceof IssueCreditNote.CustomerNotFound) {
                return problems.respond(request, HttpStatus.NOT_FOUND, "customer_not_found");
            }
            if (result instanceof IssueCreditNote.OrderNotFound) {
                return problems.respond(request, HttpStatus.NOT_FOUND, "order_not_found", orderId);
            }
            if (result instanceof IssueCreditNote.AlreadyCredited) {
                return problems.respond(request, HttpStatus.CONFLICT, "credit_already_issued");
            }
            IssueCreditNote.Refused refused = (IssueCreditNote.Refused) result;
            String code = refused.code();
            String left = refused.creditable().map(m -> m.amount().toPlainString() + " " + m.currency().getCurrencyCode()).orElse("");
            HttpStatus status = "credit_exceeds_creditable".equals(code) ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.BAD_REQUEST;
            return problems.respond(request, problems.problem(request, status, code,
                    List.of(problems.fieldError(request, Optional.ofNullable(FIELDS.get(code)).orElse("amount"), code)), left));
        });
    }
}
