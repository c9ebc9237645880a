package com.cspdesk.adapters.web.software;

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
import com.cspdesk.domain.customer.CustomerRef;
import com.cspdesk.adapters.web.api.ResourceCollection;
import com.cspdesk.adapters.web.downloads.DownloadUris;
import com.cspdesk.adapters.web.idempotency.IdempotentResponses;
import com.cspdesk.adapters.web.problem.Problem;
import com.cspdesk.adapters.web.problem.Problems;
import com.cspdesk.adapters.web.security.Actors;
import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.adapters.web.software.SoftwareRequests.ChoiceRequest;
import com.cspdesk.adapters.web.software.SoftwareRequests.KeyResponse;
import com.cspdesk.adapters.web.software.SoftwareRequests.LinkResponse;
import com.cspdesk.adapters.web.software.SoftwareRequests.SoftwareResponse;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.application.software.port.in.ChosenSoftware;
import com.cspdesk.application.software.port.in.CreateDownloadLink;
import com.cspdesk.application.software.port.in.GetProductKey;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.application.software.port.in.ListSoftware;
import com.cspdesk.application.software.port.in.SoftwareRefusal;
import com.cspdesk.application.software.port.in.SoftwareView;
import com.cspdesk.domain.catalog.Bitness;
import com.cspdesk.domain.catalog.SoftwareLanguage;
import com.cspdesk.domain.catalog.SoftwareVersion;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import jakarta.validation.Valid;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * api.md "Software" and the spec's "Activate and manage software subscriptions": the software
 * bought for a customer (admin agents, sales agents, global admins, and the customer's own admin
 * for its tenant), its product keys and download links (admin agents, and the customer's own
 * admin — spec "Server subscription download and license keys … for customers"). Another
 * tenant's customer is 404, as if it did not exist.
 *
 * <p>Secrets: the product key is only written into the response body, never logged, and both
 * answers carry {@code Cache-Control: no-store}. Keys are not run through the idempotency store
 * (that would keep the key in clear in the database): asking again simply gives the same key.
 */
@Tag(name = "software")
@Controller("/v1/customers/{customerId}/software")
@ExecuteOn(TaskExecutors.BLOCKING)
class SoftwareController {

    static final String NO_STORE = "no-store";

    private final ListSoftware listSoftware;
    private final GetProductKey getProductKey;
    private final CreateDownloadLink createDownloadLink;
    private final DownloadUris downloadUris;
    private final IdempotentResponses idempotent;
    private final Problems problems;
    private final Answers answers;

    SoftwareController(ListSoftware listSoftware, GetProductKey getProductKey, CreateDownloadLink createDownloadLink,
                       DownloadUris downloadUris, IdempotentResponses idempotent, Problems problems, Answers answers) {
        this.listSoftware = listSoftware;
        this.getProductKey = getProductKey;
        this.createDownloadLink = createDownloadLink;
        this.downloadUris = downloadUris;
        this.idempotent = idempotent;
        this.problems = problems;
        this.answers = answers;
    }

    @Operation(summary = "Lists a customer's software (from its orders)")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(allOf = {ResourceCollection.class, SoftwareRequests.SoftwareItems.class})))
    @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
    @ApiResponse(responseCode = "304", description = ApiDoc.NOT_MODIFIED_DESCRIPTION)
    @Get
    @RequiresPermission(Permission.VIEW_SOFTWARE)
    @Revalidated
    HttpResponse<?> list(HttpRequest<?> request, Authentication caller, @PathVariable String customerId) {
        return answers.of(request, caller, listSoftware.list(CustomerRef.parse(customerId).orElse(null), Actors.of(caller)),
                software -> HttpResponse.ok(ResourceCollection.of(software.stream().map(SoftwareController::response).toList())));
    }

    @Operation(summary = "One of a customer's software: what a webhook's ResourceUri points at")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SoftwareResponse.class)))
    @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
    @ApiResponse(responseCode = "304", description = ApiDoc.NOT_MODIFIED_DESCRIPTION)
    @Get("/{softwareId}")
    @RequiresPermission(Permission.VIEW_SOFTWARE)
    @Revalidated
    HttpResponse<?> one(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                        @PathVariable String softwareId) {
        return answers.of(request, caller, listSoftware.list(CustomerRef.parse(customerId).orElse(null), Actors.of(caller))
                        .flatMap(software -> Lookup.of(software.stream().filter(s -> s.id().equals(softwareId)).findFirst(),
                                SoftwareRefusal.Reason.NOT_FOUND.code())),
                software -> HttpResponse.ok(response(software)));
    }

    @Operation(summary = "Reveals the product key of a software for a version, language and bitness")
    @RequestBody(content = @Content(examples = @ExampleObject(value = "{\"version\": \"2024\", \"language\": \"en-US\", \"bitness\": \"64\"}")))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SoftwareRequests.KeyResponse.class)))
    @ApiResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
    @ApiResponse(responseCode = "410", ref = ApiDoc.GONE)
    @Post("/{softwareId}/keys")
    @RequiresPermission(Permission.GET_PRODUCT_KEY)
    HttpResponse<?> key(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                        @PathVariable String softwareId, @Valid @Body ChoiceRequest body) {
        GetProductKey.KeyResult result = getProductKey.getKey(choice(customerId, softwareId, body), Actors.of(caller));
        if (result instanceof GetProductKey.Key key) {
            // The one place the key leaves in clear: the body of this answer.
            return noStore(HttpResponse.ok(new KeyResponse(key.productKey().revealClearText(), body.version().strip(),
                    canonicalLanguage(body.language()), body.bitness().strip().toLowerCase(Locale.ROOT))));
        }
        if (result instanceof GetProductKey.NotPermitted) {
            return Refusals.notPermitted(caller);
        }
        return noStore(refusal(request, ((GetProductKey.Refused) result).refusal()));
    }

    @Operation(summary = "Makes a download link (MS-RequestId makes a retry safe)")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = SoftwareRequests.LinkResponse.class)))
    @ApiResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = ApiDoc.CONFLICT)
    @ApiResponse(responseCode = "410", ref = ApiDoc.GONE)
    @Post("/{softwareId}/downloadlinks")
    @RequiresPermission(Permission.CREATE_DOWNLOAD_LINK)
    HttpResponse<?> link(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                         @PathVariable String softwareId, @Valid @Body ChoiceRequest body) {
        Actor actor = Actors.of(caller);
        HttpResponse<?> answer = idempotent.run(request, caller, body, () -> {
            CreateDownloadLink.LinkResult result = createDownloadLink.create(choice(customerId, softwareId, body), actor);
            if (result instanceof CreateDownloadLink.Created created) {
                String uri = downloadUris.of(request, created.token());
                return HttpResponse.created(new LinkResponse(uri, created.expiresAt(), created.downloadsRemaining(),
                        created.sha256(), created.sizeBytes(), created.fileName()), URI.create(uri));
            }
            if (result instanceof CreateDownloadLink.NotPermitted) {
                return Refusals.notPermitted(caller);
            }
            return refusal(request, ((CreateDownloadLink.Refused) result).refusal());
        });
        return noStore(answer);
    }

    private static ChosenSoftware choice(String customerId, String softwareId, ChoiceRequest body) {
        return new ChosenSoftware(CustomerRef.parse(customerId).orElse(null), softwareId, body.version(), body.language(),
                body.bitness());
    }

    /** NOT_FOUND 404, REVOKED 410, the bits missing 404, a choice not offered 400 naming the field. */
    private MutableHttpResponse<?> refusal(HttpRequest<?> request, SoftwareRefusal refusal) {
        String code = refusal.reason().code();
        return switch (refusal.reason()) {
            case NOT_FOUND, FILE_UNAVAILABLE -> problems.respond(request, HttpStatus.NOT_FOUND, code);
            case REVOKED -> problems.respond(request, HttpStatus.GONE, code);
            case VERSION_NOT_ENTITLED, LANGUAGE_NOT_OFFERED, BITNESS_NOT_OFFERED -> {
                List<Problem.FieldError> errors = refusal.field() == null || refusal.field().isBlank()
                        ? List.of() : List.of(problems.fieldError(request, refusal.field(), code));
                yield problems.respond(request, problems.problem(request, HttpStatus.BAD_REQUEST, code, errors));
            }
        };
    }

    private static HttpResponse<?> noStore(HttpResponse<?> response) {
        if (response instanceof MutableHttpResponse<?> mutable) {
            mutable.header(HttpHeaders.CACHE_CONTROL, NO_STORE).header(HttpHeaders.PRAGMA, "no-cache");
            return mutable;
        }
        MutableHttpResponse<?> copy = response.toMutableResponse();
        copy.header(HttpHeaders.CACHE_CONTROL, NO_STORE).header(HttpHeaders.PRAGMA, "no-cache");
        return copy;
    }

    private static String canonicalLanguage(String language) {
        try {
            return SoftwareLanguage.of(language.strip()).tag();
        } catch (IllegalArgumentException unreadable) {
            return language.strip();
        }
    }

    static SoftwareResponse response(SoftwareView view) {
        return new SoftwareResponse(view.id(), view.orderId(), view.lineItemNumber(), view.productId(), view.skuId(),
                view.productName(), view.contractType().code(), view.purchaseDate(), view.active() ? "active" : "cancelled",
                view.versions().stream().map(SoftwareVersion::name).toList(),
                view.languages().stream().map(SoftwareLanguage::tag).sorted().toList(),
                view.bitness().stream().sorted(Comparator.comparing(Enum::ordinal)).map(Bitness::code).toList(),
                view.keyAvailable());
    }
}
