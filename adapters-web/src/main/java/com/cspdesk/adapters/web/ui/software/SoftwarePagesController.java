package com.cspdesk.adapters.web.ui.software;

import io.swagger.v3.oas.annotations.Hidden;
import com.cspdesk.domain.customer.CustomerRef;
import com.cspdesk.adapters.web.ui.shared.UiPages;
import com.cspdesk.adapters.web.ui.shared.UiUrls;
import com.cspdesk.adapters.web.security.Actors;
import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.application.customers.port.in.CustomerView;
import com.cspdesk.application.customers.port.in.GetCustomer;
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


/**
 * The partner's side of "Get keys and downloads" on a customer's Software tab. Only admin agents
 * get keys and links (api.md); a sales agent sees the software but not these actions, and is
 * refused (403) when it posts them anyway.
 */
@Hidden
@Controller(UiUrls.CUSTOMERS + "/{customerId}/software/{softwareId}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@RequiresPermission(Permission.GET_PRODUCT_KEY)
class SoftwarePagesController {

    private final GetCustomer getCustomer;
    private final SoftwareDialogs dialogs;
    private final UiPages pages;

    SoftwarePagesController(GetCustomer getCustomer, SoftwareDialogs dialogs, UiPages pages) {
        this.getCustomer = getCustomer;
        this.dialogs = dialogs;
        this.pages = pages;
    }

    @Get
    HttpResponse<?> options(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                            @PathVariable String softwareId, @Nullable @QueryValue String version,
                            @Nullable @QueryValue String language, @Nullable @QueryValue String bitness) {
        return withCustomer(request, caller, customerId, customer -> dialogs.options(request, caller, customer.ref(),
                softwareId, SoftwareDialogs.Choice.of(version, language, bitness), base(customer), back(customer), "customers"));
    }

    @Post("/key")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> key(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                        @PathVariable String softwareId, @Body SoftwareDialogs.Choice choice) {
        return withCustomer(request, caller, customerId, customer -> dialogs.key(request, caller, customer.ref(),
                softwareId, choice, base(customer), back(customer), "customers"));
    }

    @Post("/link")
    @RequiresPermission(Permission.CREATE_DOWNLOAD_LINK)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> link(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                         @PathVariable String softwareId, @Body SoftwareDialogs.Choice choice) {
        return withCustomer(request, caller, customerId, customer -> dialogs.link(request, caller, customer.ref(),
                softwareId, choice, base(customer), back(customer), "customers"));
    }

    @Post("/download")
    @RequiresPermission(Permission.CREATE_DOWNLOAD_LINK)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> download(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                             @PathVariable String softwareId, @Body SoftwareDialogs.Choice choice) {
        return withCustomer(request, caller, customerId, customer -> dialogs.download(request, caller, customer.ref(),
                softwareId, choice, base(customer), back(customer), "customers"));
    }

    private HttpResponse<?> withCustomer(HttpRequest<?> request, Authentication caller, String customerId,
                                         java.util.function.Function<CustomerView, HttpResponse<?>> action) {
        return pages.answer(request, caller, getCustomer.get(CustomerRef.parse(customerId).orElse(null), Actors.of(caller)),
                action);
    }

    private static String base(CustomerView customer) {
        return UiUrls.CUSTOMERS + "/" + customer.tenantId() + "/software";
    }

    private static String back(CustomerView customer) {
        return UiUrls.CUSTOMERS + "/" + customer.tenantId();
    }
}
