package com.cspdesk.adapters.web.ui.support;

import io.swagger.v3.oas.annotations.Hidden;
import com.cspdesk.adapters.web.security.Refusals;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.customer.CustomerRef;
import com.cspdesk.adapters.web.ui.shared.UiForms;
import com.cspdesk.adapters.web.ui.shared.UiPages;
import com.cspdesk.adapters.web.ui.shared.UiUrls;
import com.cspdesk.domain.money.Money;

import com.cspdesk.adapters.web.support.RequestedRefund;

import com.cspdesk.application.cancellation.port.in.PreviewCancellation;

import com.cspdesk.adapters.web.security.Actors;
import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.application.ordering.port.in.GetOrder;
import com.cspdesk.application.ordering.port.in.OrderView;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.application.shared.port.in.InvalidContinuationToken;
import com.cspdesk.application.shared.port.in.Page;
import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.application.support.port.in.AttachFile;
import com.cspdesk.domain.support.AttachmentNames;
import com.cspdesk.application.support.port.in.CreateServiceRequest;
import com.cspdesk.application.support.port.in.ReadServiceRequests;
import com.cspdesk.application.support.port.in.ServiceRequestView;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.ReadableBytes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Spec "Submit a customer support request to cancel a purchase": the Report a problem form, reached
 * from the Cancel dialog's customer support request link (pre-filled with the customer and order),
 * with Details (type of problem, impact, title), the Description (tenant or domain, order or
 * subscription ID, refund reason, amount requested), the Contact, Add files, and Submit; then the
 * list of requests and one request. Admin agents and global admins (api.md).
 */
@Hidden
@Controller(SupportPagesController.PATH)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@RequiresPermission(Permission.FILE_SERVICE_REQUEST)
public class SupportPagesController {

    static final String PATH = UiUrls.SUPPORT;
    static final String CATEGORY = "csp_purchase_refund";
    public static final List<String> IMPACTS = List.of("low", "moderate", "high", "critical");

    private final CreateServiceRequest createServiceRequest;
    private final AttachFile attachFile;
    private final ReadServiceRequests readServiceRequests;
    private final GetOrder getOrder;
    private final PreviewCancellation previewCancellation;
    private final UiPages pages;
    private final long maxRequestBytes;

    SupportPagesController(CreateServiceRequest createServiceRequest, AttachFile attachFile,
                           ReadServiceRequests readServiceRequests, GetOrder getOrder,
                           PreviewCancellation previewCancellation, UiPages pages,
                           @ReadableBytes @Value("${micronaut.server.max-request-size:10MB}") long maxRequestBytes) {
        this.createServiceRequest = createServiceRequest;
        this.attachFile = attachFile;
        this.readServiceRequests = readServiceRequests;
        this.getOrder = getOrder;
        this.previewCancellation = previewCancellation;
        this.pages = pages;
        this.maxRequestBytes = maxRequestBytes;
    }

    @Get
    HttpResponse<?> list(HttpRequest<?> request, Authentication caller, @Nullable @QueryValue String page) {
        Lookup<Page<ServiceRequestView>> found;
        try {
            found = readServiceRequests.list(new PageRequest(UiPages.PAGE_SIZE, Optional.ofNullable(page)), Actors.of(caller));
        } catch (InvalidContinuationToken stale) {
            return UiPages.redirect(request, PATH);
        }
        return pages.answer(request, caller, found, requests -> {
            Map<String, Object> model = section("support.title");
            model.put("requests", requests.items());
            model.put("total", requests.totalCount());
            model.put("isFirstPage", page == null || page.isBlank());
            requests.continuationToken().ifPresent(token -> model.put("nextHref",
                    UriBuilder.of(PATH).queryParam("page", token).toString()));
            return pages.page(request, "support/list", model);
        });
    }

    @Get("/new")
    HttpResponse<?> form(HttpRequest<?> request, Authentication caller, @Nullable @QueryValue String customer,
                         @Nullable @QueryValue String orderId) {
        Actor actor = Actors.of(caller);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("category", CATEGORY);
        values.put("impact", "moderate");
        values.put("customerTenantIdOrDomain", customer == null ? "" : UiForms.text(customer));
        values.put("orderId", orderId == null ? "" : UiForms.text(orderId));
        values.put("contactEmail", actor.username().contains("@") ? actor.username() : "");
        // A pre-filled form: the order when the caller may see it, else the form as typed so far.
        Optional<CustomerRef> named = CustomerRef.parse(customer);
        Optional<OrderView> order = named.flatMap(ref -> orderId == null ? Optional.empty()
                : getOrder.get(ref, orderId.strip(), actor).ifFound());
        order.ifPresent(o -> {
            // As the API's template: what cancelling would credit, or what only a support request can.
            Money requested = previewCancellation.preview(named.get(), o.id(), actor).ifFound()
                    .map(preview -> RequestedRefund.of(preview, o)).orElse(o.totals().gross());
            values.put("amountRequested", requested.amount().toPlainString());
            values.put("currency", o.currency().getCurrencyCode());
            values.put("title", pages.text(request, "support.defaultTitle", o.id()));
        });
        Map<String, Object> model = formModel(values);
        return pages.page(request, "support/form", model);
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> submit(HttpRequest<?> request, Authentication caller, @Body MultipartBody body) {
        Actor actor = Actors.of(caller);
        MultipartForm form = MultipartForm.read(body);
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : List.of("category", "impact", "title", "customerTenantIdOrDomain", "orderId", "subscriptionId",
                "refundReason", "amountRequested", "currency", "contactName", "contactEmail", "contactPhone")) {
            values.put(name, form.field(name));
        }
        CreateServiceRequest.CreateResult result = createServiceRequest.create(new CreateServiceRequest.NewServiceRequest(
                values.get("category"), values.get("impact"), values.get("title"), values.get("customerTenantIdOrDomain"),
                blankToNull(values.get("orderId")), blankToNull(values.get("subscriptionId")), values.get("refundReason"),
                values.get("amountRequested").replace(',', '.').replace(" ", ""), values.get("currency"),
                values.get("contactName"), values.get("contactEmail"), values.get("contactPhone")), actor);
        if (result instanceof CreateServiceRequest.NotPermitted) {
            return Refusals.notPermitted(caller);
        }
        if (result instanceof CreateServiceRequest.Refused refused) {
            Map<String, Object> model = formModel(values);
            model.put("errorField", refused.field());
            model.put("errorKey", "field." + refused.reason());
            model.put("errorSummaryKey", "problem." + refused.reason() + ".detail");
            model.put("filesDropped", !form.files().isEmpty());
            return pages.render(request, HttpStatus.BAD_REQUEST, "support/form", model);
        }
        ServiceRequestView created = ((CreateServiceRequest.Created) result).request();
        List<String> refusedFiles = new ArrayList<>();
        for (MultipartForm.File file : form.files()) {
            AttachFile.AttachResult attached = attachFile.attach(created.id(), file.name(), file.content(), actor);
            if (attached instanceof AttachFile.Refused refusal) {
                refusedFiles.add(pages.text(request, "support.fileRefused", AttachmentNames.clean(file.name()),
                        pages.text(request, "problem." + refusal.reason() + ".detail")));
            }
        }
        if (refusedFiles.isEmpty()) {
            return UiPages.redirect(request, PATH + "/" + created.id() + "?done=support_created");
        }
        Map<String, Object> model = ServiceRequestDetail.model(readServiceRequests.get(created.id(), actor).ifFound().orElse(created), actor);
        model.put("refusedFiles", refusedFiles);
        return pages.render(request, HttpStatus.OK, "support/detail", model);
    }

    /** One request, for both sides (#16 item 4): its notes, status moves and, for support staff, the resolution form. */
    @Get("/{requestId}")
    @RequiresPermission(Permission.FOLLOW_SERVICE_REQUESTS)
    HttpResponse<?> detail(HttpRequest<?> request, Authentication caller, @PathVariable String requestId) {
        Actor actor = Actors.of(caller);
        return pages.answer(request, caller, readServiceRequests.get(requestId, actor),
                found -> pages.page(request, "support/detail", ServiceRequestDetail.model(found, actor)), "error.support_not_found");
    }

    private Map<String, Object> formModel(Map<String, String> values) {
        Map<String, Object> model = section("support.new.title");
        model.put("v", values);
        model.put("impacts", IMPACTS);
        model.put("category", CATEGORY);
        model.put("maxRequestBytes", maxRequestBytes);
        return model;
    }

    private static Map<String, Object> section(String titleKey) {
        Map<String, Object> model = new HashMap<>();
        model.put("section", "support");
        model.put("titleKey", titleKey);
        return model;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
