package com.cspdesk.adapters.web.support;

import com.cspdesk.adapters.web.apidoc.ApiDoc;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.cspdesk.adapters.web.api.Answers;
import com.cspdesk.adapters.web.security.Refusals;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.customer.CustomerRef;
import com.cspdesk.adapters.web.api.ResourceCollection;
import com.cspdesk.adapters.web.i18n.Messages;
import com.cspdesk.adapters.web.i18n.SupportedLanguages;
import com.cspdesk.adapters.web.idempotency.IdempotentResponses;
import com.cspdesk.adapters.web.problem.Problem;
import com.cspdesk.adapters.web.problem.Problems;
import com.cspdesk.adapters.web.security.Actors;
import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.adapters.web.support.ServiceRequestMessages.AmountBody;
import com.cspdesk.adapters.web.support.ServiceRequestMessages.ContactBody;
import com.cspdesk.adapters.web.support.ServiceRequestMessages.DescriptionBody;
import com.cspdesk.adapters.web.support.ServiceRequestMessages.ResolutionBody;
import com.cspdesk.adapters.web.support.ServiceRequestMessages.ServiceRequestBody;
import com.cspdesk.adapters.web.support.ServiceRequestMessages.ServiceRequestPatchBody;
import com.cspdesk.adapters.web.support.ServiceRequestMessages.UploadFingerprint;
import com.cspdesk.application.cancellation.port.in.PreviewCancellation;
import com.cspdesk.application.ordering.port.in.GetOrder;
import com.cspdesk.application.ordering.port.in.OrderView;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.application.shared.port.in.InvalidContinuationToken;
import com.cspdesk.application.shared.port.in.Page;
import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.application.support.port.in.AttachFile;
import com.cspdesk.application.support.port.in.CreateServiceRequest;
import com.cspdesk.application.support.port.in.ReadServiceRequests;
import com.cspdesk.application.support.port.in.ServiceRequestView;
import com.cspdesk.application.support.port.in.UpdateServiceRequest;
import com.cspdesk.domain.support.ServiceRequestStatus;
import com.cspdesk.domain.money.Money;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Spec "Submit a customer support request to cancel a purchase" and api.md "Service requests":
 * admin agents and global admins file a "CSP Purchase/Refund on behalf of customers" request,
 * read them, get the form pre-filled for an order (the link a {@code support_request_required}
 * refusal carries), and add files. Support staff read every request and its files, and both sides
 * follow requests up with PATCH (#16 item 4: {@code FOLLOW_SERVICE_REQUESTS} on the routes both use).
 * Everyone else is 403.
 *
 * <p>Attachments are stored as sent but served defensively: only with the type sniffed from the
 * content when it was added, always as a download ({@code Content-Disposition: attachment}),
 * with {@code X-Content-Type-Options: nosniff} and {@code Content-Security-Policy: sandbox}, so
 * a file can never run as a page of this origin.
 *
 * <p>Upload size: the use case refuses files above 5 MiB ({@code attachment_too_large}, 413).
 * The server's own limits ({@code micronaut.server.max-request-size},
 * {@code micronaut.server.multipart.max-file-size}) apply to every request before this code runs
 * and Micronaut 4 has no per-route override; they must be at least 6 MB for the use case to see
 * files up to its limit (above them Micronaut itself answers 413 {@code payload_too_large}).
 */
@Tag(name = "support")
@Controller("/v1/servicerequests")
@ExecuteOn(TaskExecutors.BLOCKING)
@RequiresPermission(Permission.FILE_SERVICE_REQUEST)
class ServiceRequestsController {

    static final String CATEGORY = "csp_purchase_refund";
    static final String TEMPLATE_IMPACT = "moderate";
    static final String FILE_PART = "file";
    /** Well-formed requests the customer's orders do not allow: 422, the rest of the refusals 400. */
    static final Set<String> UNPROCESSABLE = Set.of("refund_order_not_found", "amount_currency_mismatch",
            "amount_exceeds_creditable");

    private final CreateServiceRequest createServiceRequest;
    private final ReadServiceRequests readServiceRequests;
    private final AttachFile attachFile;
    private final UpdateServiceRequest updateServiceRequest;
    private final PreviewCancellation previewCancellation;
    private final GetOrder getOrder;
    private final Answers answers;
    private final IdempotentResponses idempotent;
    private final Problems problems;
    private final Messages messages;

    ServiceRequestsController(CreateServiceRequest createServiceRequest, ReadServiceRequests readServiceRequests,
                              AttachFile attachFile, UpdateServiceRequest updateServiceRequest,
                              PreviewCancellation previewCancellation, GetOrder getOrder,
                              Answers answers, IdempotentResponses idempotent, Problems problems, Messages messages) {
        this.createServiceRequest = createServiceRequest;
        this.readServiceRequests = readServiceRequests;
        this.attachFile = attachFile;
        this.updateServiceRequest = updateServiceRequest;
        this.previewCancellation = previewCancellation;
        this.getOrder = getOrder;
        this.answers = answers;
        this.idempotent = idempotent;
        this.problems = problems;
        this.messages = messages;
    }

    @Operation(summary = "Files a service request (e.g. a refund after the cancellation window)")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ServiceRequestMessages.ServiceRequestResponse.class)))
    @ApiResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
    @ApiResponse(responseCode = "409", ref = ApiDoc.CONFLICT)
    @ApiResponse(responseCode = "422", ref = ApiDoc.UNPROCESSABLE)
    @Post
    HttpResponse<?> create(HttpRequest<?> request, Authentication caller, @Valid @Body ServiceRequestBody body) {
        Actor actor = Actors.of(caller);
        DescriptionBody d = body.description() == null ? new DescriptionBody(null, null, null, null, null) : body.description();
        AmountBody amount = d.amountRequested() == null ? new AmountBody(null, null) : d.amountRequested();
        ContactBody contact = body.contact() == null ? new ContactBody(null, null, null) : body.contact();
        CreateServiceRequest.NewServiceRequest command = new CreateServiceRequest.NewServiceRequest(body.category(),
                body.impact(), body.title(), d.customerTenantIdOrDomain(), d.orderId(), d.subscriptionId(), d.refundReason(),
                amount.amount(), amount.currency(), contact.name(), contact.email(), contact.phone());
        return idempotent.run(request, caller, body, () -> {
            CreateServiceRequest.CreateResult result = createServiceRequest.create(command, actor);
            if (result instanceof CreateServiceRequest.Created created) {
                return HttpResponse.created(ServiceRequestMessages.response(created.request()),
                        URI.create(self(created.request().id())));
            }
            if (result instanceof CreateServiceRequest.NotPermitted) {
                return Refusals.notPermitted(caller);
            }
            CreateServiceRequest.Refused refused = (CreateServiceRequest.Refused) result;
            List<Problem.FieldError> errors = refused.field() == null || refused.field().isBlank()
                    ? List.of() : List.of(problems.fieldError(request, refused.field(), refused.reason()));
            HttpStatus status = UNPROCESSABLE.contains(refused.reason()) ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.BAD_REQUEST;
            return problems.respond(request, problems.problem(request, status, refused.reason(), errors));
        });
    }

    /** Both sides read: the partner's agents their requests, support staff every one (its queue: {@code ?status=open}). */
    @Operation(summary = "Lists the service requests the caller may see, page by page (those in one status with status=…)")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(allOf = {ResourceCollection.class, ServiceRequestMessages.ServiceRequestItems.class})))
    @ApiResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
    @Get
    @RequiresPermission(Permission.FOLLOW_SERVICE_REQUESTS)
    HttpResponse<?> list(HttpRequest<?> request, Authentication caller,
                         @QueryValue @Nullable @Min(1) @Max(PageRequest.MAX_SIZE) Integer size,
                         @QueryValue @Nullable @Size(max = 1024) String continuationToken,
                         @QueryValue @Nullable @Size(max = 64) String status) {
        int pageSize = size == null ? PageRequest.DEFAULT_SIZE : size;
        Optional<ServiceRequestStatus> in = ServiceRequestStatus.parse(status);
        if (status != null && in.isEmpty()) {
            return invalid(request, "service_request_status_invalid", "status");
        }
        Lookup<Page<ServiceRequestView>> page;
        try {
            page = readServiceRequests.list(new PageRequest(pageSize, ResourceCollection.requestedToken(request, continuationToken)),
                    in, Actors.of(caller));
        } catch (InvalidContinuationToken invalid) {
            return invalid(request, "continuation_token_invalid", "continuationToken");
        }
        return answers.of(request, caller, page, requests -> HttpResponse.ok(ResourceCollection.of(requests.totalCount(),
                requests.items().stream().map(ServiceRequestMessages::response).toList(),
                requests.continuationToken().map(token -> next(pageSize, in, token)).orElse(null))));
    }

    private static String next(int pageSize, Optional<ServiceRequestStatus> status, String token) {
        UriBuilder next = UriBuilder.of("/v1/servicerequests").queryParam("size", pageSize);
        status.ifPresent(in -> next.queryParam("status", in.code()));
        return next.queryParam("continuationToken", token).toString();
    }

    /**
     * The form pre-filled for one order, to complete (refund reason, contact) and POST: what a
     * {@code support_request_required} refusal links to. The amount is the credit the preview
     * computes for the order's active lines or, when it shows none (a refund beyond self-service
     * shows no credit), the gross of the order's active lines.
     */
    @Operation(summary = "A refund request filled in for an order (customerId, orderId), to send as it is or changed")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ServiceRequestMessages.ServiceRequestBody.class)))
    @ApiResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
    @Get("/template")
    HttpResponse<?> template(HttpRequest<?> request, Authentication caller,
                             @QueryValue @Nullable @Size(max = 255) String customerId,
                             @QueryValue @Nullable @Size(max = 64) String orderId) {
        if (customerId == null || customerId.isBlank()) {
            return invalid(request, "validation_failed", "customerId", "constraint.NotBlank");
        }
        if (orderId == null || orderId.isBlank()) {
            return invalid(request, "validation_failed", "orderId", "constraint.NotBlank");
        }
        Actor actor = Actors.of(caller);
        CustomerRef customer = CustomerRef.parse(customerId).orElse(null);
        String order = orderId.strip();
        Lookup<ServiceRequestBody> template = getOrder.get(customer, order, actor)
                .flatMap(view -> previewCancellation.preview(customer, order, actor)
                        .map(preview -> template(request, view, RequestedRefund.of(preview, view))));
        return answers.of(request, caller, template,
                body -> HttpResponse.ok(body).header(HttpHeaders.CACHE_CONTROL, "no-store"), order);
    }

    private ServiceRequestBody template(HttpRequest<?> request, OrderView order, Money amount) {
        Locale locale = SupportedLanguages.of(request);
        return new ServiceRequestBody(CATEGORY, TEMPLATE_IMPACT,
                messages.get("servicerequest.template.title", locale, order.id()),
                new DescriptionBody(order.customerTenantId(), order.id(), null, "",
                        new AmountBody(amount.amount().toPlainString(), amount.currency().getCurrencyCode())),
                new ContactBody("", "", ""));
    }

    @Operation(summary = "Reads a service request")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ServiceRequestMessages.ServiceRequestResponse.class)))
    @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
    @Get("/{requestId}")
    @RequiresPermission(Permission.FOLLOW_SERVICE_REQUESTS)
    HttpResponse<?> get(HttpRequest<?> request, Authentication caller, @PathVariable String requestId) {
        return answers.of(request, caller, readServiceRequests.get(requestId, Actors.of(caller)),
                found -> HttpResponse.ok(ServiceRequestMessages.response(found)));
    }

    /**
     * Partner Center's "Update a service request" (#16 item 4): {@code status} and/or {@code newNote: {text}},
     * and support staff's {@code resolution}. Each side may make its own moves ({@code ServiceRequestLifecycle}):
     * the partner withdraws (closed), answers (attention_needed → open) or reopens a resolved request; support
     * staff take, ask, park, resolve and close. Another side's move or a resolution by the partner is 403; a move
     * the lifecycle has not (closed is final, a second resolve) 409 {@code service_request_transition_invalid};
     * an approved amount the order cannot take 422. Answers the request as it is now, notes oldest first.
     */
    @Operation(summary = "Updates a service request: a status, a new note, or support's resolution (Partner Center's PATCH)")
    @RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"status": "resolved", "newNote": {"text": "Refund approved."},
             "resolution": {"outcome": "approved", "approvedAmount": {"amount": "120.00", "currency": "EUR"}}}""")))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ServiceRequestMessages.ServiceRequestResponse.class)))
    @ApiResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = ApiDoc.CONFLICT)
    @ApiResponse(responseCode = "422", ref = ApiDoc.UNPROCESSABLE)
    @Patch("/{requestId}")
    @RequiresPermission(Permission.FOLLOW_SERVICE_REQUESTS)
    HttpResponse<?> update(HttpRequest<?> request, Authentication caller, @PathVariable String requestId,
                           @Valid @Body ServiceRequestPatchBody body) {
        ResolutionBody resolution = body.resolution();
        UpdateServiceRequest.ResolutionInput input = resolution == null ? null : new UpdateServiceRequest.ResolutionInput(
                resolution.outcome(), resolution.approvedAmount() == null ? null : resolution.approvedAmount().amount(),
                resolution.approvedAmount() == null ? null : resolution.approvedAmount().currency(), resolution.reason());
        UpdateServiceRequest.Change change = new UpdateServiceRequest.Change(body.status(),
                body.newNote() == null ? null : body.newNote().text() == null ? "" : body.newNote().text(), input);
        return idempotent.run(request, caller, body, () -> {
            UpdateServiceRequest.UpdateResult result = updateServiceRequest.update(requestId, change, Actors.of(caller));
            if (result instanceof UpdateServiceRequest.Updated updated) {
                return HttpResponse.ok(ServiceRequestMessages.response(updated.request()));
            }
            if (result instanceof UpdateServiceRequest.RequestNotFound) {
                return requestNotFound(request);
            }
            if (result instanceof UpdateServiceRequest.NotPermitted) {
                return Refusals.notPermitted(caller);
            }
            if (result instanceof UpdateServiceRequest.Conflict conflict) {
                return problems.respond(request, HttpStatus.CONFLICT, conflict.reason());
            }
            if (result instanceof UpdateServiceRequest.Unprocessable unprocessable) {
                return problems.respond(request, problems.problem(request, HttpStatus.UNPROCESSABLE_ENTITY, unprocessable.reason(),
                        List.of(problems.fieldError(request, unprocessable.field(), unprocessable.reason()))));
            }
            UpdateServiceRequest.Refused refused = (UpdateServiceRequest.Refused) result;
            return invalid(request, refused.reason(), refused.field());
        });
    }

    /** One file as the multipart part {@value #FILE_PART}; its type is sniffed by the use case, never taken from the upload. */
    @Operation(summary = "Attaches a file (multipart, the part named file)")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ServiceRequestMessages.AttachmentResponse.class)))
    @ApiResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = ApiDoc.CONFLICT)
    @ApiResponse(responseCode = "413", ref = ApiDoc.TOO_LARGE)
    @ApiResponse(responseCode = "415", ref = ApiDoc.UNSUPPORTED_MEDIA_TYPE)
    @Post(value = "/{requestId}/attachments", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> attach(HttpRequest<?> request, Authentication caller, @PathVariable String requestId,
                           @Part(FILE_PART) @Nullable CompletedFileUpload file) {
        if (file == null) {
            return invalid(request, "attachment_missing", FILE_PART);
        }
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String fileName = file.getFilename();
        UploadFingerprint fingerprint = new UploadFingerprint(fileName == null ? "" : fileName, content.length, sha256(content));
        return idempotent.run(request, caller, fingerprint, () -> {
            AttachFile.AttachResult result = attachFile.attach(requestId, fileName, content, Actors.of(caller));
            if (result instanceof AttachFile.Attached attached) {
                return HttpResponse.created(ServiceRequestMessages.attachment(attached.attachment()),
                        URI.create(self(requestId.strip()) + "/attachments/" + attached.attachment().id()));
            }
            if (result instanceof AttachFile.RequestNotFound) {
                return requestNotFound(request);
            }
            if (result instanceof AttachFile.NotPermitted) {
                return Refusals.notPermitted(caller);
            }
            return attachmentRefusal(request, ((AttachFile.Refused) result).reason());
        });
    }

    @Operation(summary = "Downloads an attachment")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
    @Get(value = "/{requestId}/attachments/{attachmentId}", produces = MediaType.ALL, headRoute = false)
    @RequiresPermission(Permission.FOLLOW_SERVICE_REQUESTS)
    HttpResponse<?> attachment(HttpRequest<?> request, Authentication caller, @PathVariable String requestId,
                               @PathVariable String attachmentId) {
        return answers.of(request, caller, attachFile.read(requestId, attachmentId, Actors.of(caller)),
                attachment -> HttpResponse.ok(attachment.content())
                        .contentType(MediaType.of(attachment.contentType()))
                        .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(attachment.fileName()))
                        .header("X-Content-Type-Options", "nosniff")
                        .header("Content-Security-Policy", "sandbox")
                        .header(HttpHeaders.CACHE_CONTROL, "private, no-store"));
    }

    /** Too large 413, a type not allowed or not the one the extension says 415, too many 409, an empty file or a bad name 400 naming the part. */
    private MutableHttpResponse<?> attachmentRefusal(HttpRequest<?> request, String reason) {
        return switch (reason) {
            case "attachment_too_large" -> problems.respond(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, reason);
            case "attachment_type_not_allowed", "attachment_type_mismatch" -> problems.respond(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, reason);
            case "too_many_attachments" -> problems.respond(request, HttpStatus.CONFLICT, reason);
            default -> invalid(request, reason, FILE_PART);
        };
    }

    /**
     * {@code attachment}, an ASCII {@code filename} (anything else replaced by {@code _}) and the
     * real name as RFC 6266 / 5987 {@code filename*}: never {@code inline}, never a header injection.
     */
    static String contentDisposition(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "attachment" : fileName.strip();
        String ascii = name.replaceAll("[^A-Za-z0-9._ ()-]", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    private static String self(String requestId) {
        return "/v1/servicerequests/" + requestId;
    }

    private MutableHttpResponse<?> requestNotFound(HttpRequest<?> request) {
        return problems.respond(request, HttpStatus.NOT_FOUND, "service_request_not_found");
    }

    private MutableHttpResponse<?> invalid(HttpRequest<?> request, String code, String field) {
        return problems.badField(request, code, field);
    }

    private MutableHttpResponse<?> invalid(HttpRequest<?> request, String code, String field, String fieldCode) {
        return problems.respond(request, problems.problem(request, HttpStatus.BAD_REQUEST, code,
                List.of(problems.fieldError(request, field, fieldCode))));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
