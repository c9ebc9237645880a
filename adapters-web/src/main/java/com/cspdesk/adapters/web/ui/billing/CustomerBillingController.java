package com.cspdesk.adapters.web.ui.billing;

import io.swagger.v3.oas.annotations.Hidden;
import com.cspdesk.domain.customer.CustomerRef;
import com.cspdesk.adapters.web.ui.software.SoftwareDialogs;
import com.cspdesk.adapters.web.ui.software.SoftwareRows;
import com.cspdesk.adapters.web.ui.shared.UiPages;
import com.cspdesk.adapters.web.ui.shared.UiUrls;
import com.cspdesk.adapters.web.security.Actors;
import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.application.customers.port.in.GetCustomer;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.application.software.port.in.ListSoftware;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;

import java.util.HashMap;
import java.util.Map;

/**
 * Spec "Server subscription download and license keys available … for customers": a customer's
 * global admin opens Billing › Your products › Software and sees its own tenant's software, keys
 * and downloads — the tenant comes from its session, never from the address, so there is no other
 * tenant to ask for.
 */
@Hidden
@Controller(CustomerBillingController.PATH)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@RequiresPermission(Permission.VIEW_SOFTWARE)
class CustomerBillingController {

    static final String PATH = UiUrls.BILLING_SOFTWARE;

    private final GetCustomer getCustomer;
    private final ListSoftware listSoftware;
    private final SoftwareDialogs dialogs;
    private final UiPages pages;

    CustomerBillingController(GetCustomer getCustomer, ListSoftware listSoftware, SoftwareDialogs dialogs, UiPages pages) {
        this.getCustomer = getCustomer;
        this.listSoftware = listSoftware;
        this.dialogs = dialogs;
        this.pages = pages;
    }

    @Get
    HttpResponse<?> software(HttpRequest<?> request, Authentication caller) {
        Actor actor = Actors.of(caller);
        CustomerRef own = own(actor);
        return pages.answer(request, caller, getCustomer.get(own, actor)
                .flatMap(customer -> listSoftware.list(own, actor).map(software -> {
                    Map<String, Object> model = new HashMap<>();
                    model.put("section", "billing");
                    model.put("titleKey", "billing.software.title");
                    model.put("customer", customer);
                    model.put("software", SoftwareRows.of(software));
                    model.put("softwareBase", PATH);
                    return model;
                })), model -> pages.page(request, "billing/software", model));
    }

    @Get("/{softwareId}")
    HttpResponse<?> options(HttpRequest<?> request, Authentication caller, @PathVariable String softwareId,
                            @Nullable @QueryValue String version, @Nullable @QueryValue String language,
                            @Nullable @QueryValue String bitness) {
        return dialogs.options(request, caller, own(Actors.of(caller)), softwareId,
                SoftwareDialogs.Choice.of(version, language, bitness), PATH, PATH, "billing");
    }

    @Post("/{softwareId}/key")
    @RequiresPermission(Permission.GET_PRODUCT_KEY)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> key(HttpRequest<?> request, Authentication caller, @PathVariable String softwareId,
                        @Body SoftwareDialogs.Choice choice) {
        return dialogs.key(request, caller, own(Actors.of(caller)), softwareId, choice, PATH, PATH, "billing");
    }

    @Post("/{softwareId}/link")
    @RequiresPermission(Permission.CREATE_DOWNLOAD_LINK)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> link(HttpRequest<?> request, Authentication caller, @PathVariable String softwareId,
                         @Body SoftwareDialogs.Choice choice) {
        return dialogs.link(request, caller, own(Actors.of(caller)), softwareId, choice, PATH, PATH, "billing");
    }

    @Post("/{softwareId}/download")
    @RequiresPermission(Permission.CREATE_DOWNLOAD_LINK)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> download(HttpRequest<?> request, Authentication caller, @PathVariable String softwareId,
                             @Body SoftwareDialogs.Choice choice) {
        return dialogs.download(request, caller, own(Actors.of(caller)), softwareId, choice, PATH, PATH,
                "billing");
    }

    /** The signed-in customer's own tenant: the session says which, the address never does. */
    private static CustomerRef own(Actor actor) {
        return actor.customerTenantId().flatMap(CustomerRef::parse).orElse(null);
    }
}
