package com.cspdesk.adapters.web.software;

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
import com.cspdesk.application.customers.port.in.CustomerView;
import com.cspdesk.application.customers.port.in.GetCustomer;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.application.software.port.in.ChosenSoftware;
import com.cspdesk.application.software.port.in.CreateDownloadLink;
import com.cspdesk.application.software.port.in.GetProductKey;
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
import java.util.Optional;
import java.util.regex.Pattern;

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
@Controller("/v1/customers/{customerId}/software")
@ExecuteOn(TaskExecutors.BLOCKING)
class SoftwareController {

    private static final Pattern TENANT_ID = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");
    static final String NO_STORE = "no-store";

    private final ListSoftware listSoftware;
    private final GetProductKey getProductKey;
    private final CreateDownloadLink createDownloadLink;
    private final GetCustomer getCustomer;
    private final DownloadUris downloadUris;
    private final IdempotentResponses idempotent;
    private final Problems problems;

    SoftwareController(ListSoftware listSoftware, GetProductKey getProductKey, CreateDownloadLink createDownloadLink,
                       GetCustomer getCustomer, DownloadUris downloadUris, IdempotentResponses idempotent, Problems problems) {
        this.listSoftware = listSoftware;
        this.getProductKey = getProductKey;
        this.createDownloadLink = createDownloadLink;
        this.getCustomer = getCustomer;
        this.downloadUris = downloadUris;
        this.idempotent = idempotent;
        this.problems = problems;
    }

    @Get
    @RequiresPermission(Permission.VIEW_SOFTWARE)
    HttpResponse<?> list(HttpRequest<?> request, Authentication caller, @PathVariable String customerId) {
        Actor actor = Actors.of(caller);
        Optional<List<SoftwareView>> software = tenantOf(customerId, actor).flatMap(tenant -> listSoftware.list(tenant, actor));
        if (software.isEmpty()) {
            return problems.respond(request, HttpStatus.NOT_FOUND, "customer_not_found");
        }
        return HttpResponse.ok(ResourceCollection.of(software.get().stream().map(SoftwareController::response).toList()));
    }

    @Post("/{softwareId}/keys")
    @RequiresPermission(Permission.GET_PRODUCT_KEY)
    HttpResponse<?> key(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                        @PathVariable String softwareId, @Valid @Body ChoiceRequest body) {
        Actor actor = Actors.of(caller);
        Optional<String> tenant = tenantOf(customerId, actor);
        if (tenant.isEmpty()) {
            return noStore(refusal(request, new SoftwareRefusal(SoftwareRefusal.Reason.NOT_FOUND, null)));
        }
        GetProductKey.KeyResult result = getProductKey.getKey(choice(tenant.get(), softwareId, body), actor);
        if (result instanceof GetProductKey.Key key) {
            // The one place the key leaves in clear: the body of this answer.
            return noStore(HttpResponse.ok(new KeyResponse(key.productKey().revealClearText(), body.version().strip(),
                    canonicalLanguage(body.language()), body.bitness().strip().toLowerCase(Locale.ROOT))));
        }
        return noStore(refusal(request, ((GetProductKey.Refused) result).refusal()));
    }

    @Post("/{softwareId}/downloadlinks")
    @RequiresPermission(Permission.CREATE_DOWNLOAD_LINK)
    HttpResponse<?> link(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                         @PathVariable String softwareId, @Valid @Body ChoiceRequest body) {
        Actor actor = Actors.of(caller);
        HttpResponse<?> answer = idempotent.run(request, caller, body, () -> {
            Optional<String> tenant = tenantOf(customerId, actor);
            if (tenant.isEmpty()) {
                return refusal(request, new SoftwareRefusal(SoftwareRefusal.Reason.NOT_FOUND, null));
            }
            CreateDownloadLink.LinkResult result = createDownloadLink.create(choice(tenant.get(), softwareId, body), actor);
            if (result instanceof CreateDownloadLink.Created created) {
                String uri = downloadUris.of(request, created.token());
                return HttpResponse.created(new LinkResponse(uri, created.expiresAt(), created.downloadsRemaining(),
                        created.sha256(), created.sizeBytes(), created.fileName()), URI.create(uri));
            }
            return refusal(request, ((CreateDownloadLink.Refused) result).refusal());
        });
        return noStore(answer);
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

    private static ChosenSoftware choice(String tenant, String softwareId, ChoiceRequest body) {
        return new ChosenSoftware(tenant, softwareId, body.version(), body.language(), body.bitness());
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
