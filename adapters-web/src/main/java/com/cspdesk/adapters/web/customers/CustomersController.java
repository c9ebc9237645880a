package com.cspdesk.adapters.web.customers;

import com.cspdesk.adapters.web.api.Revalidated;
import com.cspdesk.adapters.web.api.Answers;
import com.cspdesk.adapters.web.security.Refusals;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.customer.CustomerRef;
import com.cspdesk.adapters.web.api.ResourceCollection;
import com.cspdesk.adapters.web.customers.CustomerRequests.CreateCustomerRequest;
import com.cspdesk.adapters.web.customers.CustomerRequests.CustomerResponse;
import com.cspdesk.adapters.web.idempotency.IdempotentResponses;
import com.cspdesk.adapters.web.problem.Problems;
import com.cspdesk.adapters.web.security.Actors;
import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.application.customers.port.in.CreateCustomer;
import com.cspdesk.application.customers.port.in.CustomerView;
import com.cspdesk.application.customers.port.in.FindCustomers;
import com.cspdesk.application.customers.port.in.GetCustomer;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.application.shared.port.in.InvalidContinuationToken;
import com.cspdesk.application.shared.port.in.Page;
import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.adapters.web.apidoc.ApiDoc;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * api.md "Customers": the partner's admin agents and global admins add customers; they and the
 * sales agents find and read them; a customer's own admin reads its own customer only (another
 * tenant's customer is 404, as if it did not exist).
 */
@Controller("/v1/customers")
@Tag(name = "customers")
@ExecuteOn(TaskExecutors.BLOCKING)
class CustomersController {

    static final String PATH = "/v1/customers";

    private final CreateCustomer createCustomer;
    private final FindCustomers findCustomers;
    private final GetCustomer getCustomer;
    private final IdempotentResponses idempotent;
    private final Problems problems;
    private final Answers answers;

    CustomersController(CreateCustomer createCustomer, FindCustomers findCustomers, GetCustomer getCustomer,
                        IdempotentResponses idempotent, Problems problems, Answers answers) {
        this.createCustomer = createCustomer;
        this.findCustomers = findCustomers;
        this.getCustomer = getCustomer;
        this.idempotent = idempotent;
        this.problems = problems;
        this.answers = answers;
    }

    @Operation(summary = "Adds a customer (Partner Center's shape; MS-RequestId makes a retry safe)")
    @RequestBody(content = @Content(examples = @ExampleObject(value = "{\"companyProfile\": {\"companyName\": "
            + "\"Wingtip Toys Kft.\", \"domain\": \"wingtip.example\"}, \"billingProfile\": {\"defaultAddress\": "
            + "{\"country\": \"HU\", \"city\": \"Budapest\"}, \"email\": \"it@wingtip.example\"}}")))
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = CustomerResponse.class)))
    @ApiResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
    @ApiResponse(responseCode = "409", ref = ApiDoc.CONFLICT)
    @Post
    @RequiresPermission(Permission.CREATE_CUSTOMER)
    HttpResponse<?> create(HttpRequest<?> request, Authentication caller, @Valid @Body CreateCustomerRequest body) {
        Actor actor = Actors.of(caller);
        return idempotent.run(request, caller, body, () -> {
            CreateCustomer.CreateCustomerResult result = createCustomer.create(CustomerRequests.newCustomer(body), actor);
            if (result instanceof CreateCustomer.Created created) {
                CustomerResponse customer = response(created.customer());
                return HttpResponse.created(customer, URI.create(self(created.customer())));
            }
            if (result instanceof CreateCustomer.NotPermitted) {
                return Refusals.notPermitted(caller);
            }
            return refusal(request, (CreateCustomer.Refused) result);
        });
    }

    @Operation(summary = "Finds customers page by page (q: name or domain)")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(allOf = {ResourceCollection.class, CustomerRequests.CustomerItems.class})))
    @ApiResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
    @ApiResponse(responseCode = "304", description = ApiDoc.NOT_MODIFIED_DESCRIPTION)
    @Get
    @RequiresPermission(Permission.VIEW_CUSTOMERS)
    @Revalidated
    HttpResponse<?> list(HttpRequest<?> request, Authentication caller,
                         @QueryValue @Nullable @Min(1) @Max(PageRequest.MAX_SIZE) Integer size,
                         @QueryValue @Nullable @Size(max = 1024) String continuationToken,
                         @QueryValue @Nullable @Size(max = 255) String q) {
        int pageSize = size == null ? PageRequest.DEFAULT_SIZE : size;
        Optional<String> query = Optional.ofNullable(q).map(String::strip).filter(s -> !s.isEmpty());
        Lookup<Page<CustomerView>> page;
        try {
            page = findCustomers.find(query, new PageRequest(pageSize, ResourceCollection.requestedToken(request, continuationToken)),
                    Actors.of(caller));
        } catch (InvalidContinuationToken invalid) {
            return problems.badField(request, "continuation_token_invalid", "continuationToken");
        }
        return answers.of(request, caller, page, customers -> HttpResponse.ok(ResourceCollection.of(customers.totalCount(),
                customers.items().stream().map(CustomersController::response).toList(),
                customers.continuationToken().map(token -> {
                    UriBuilder uri = UriBuilder.of(PATH).queryParam("size", pageSize).queryParam("continuationToken", token);
                    query.ifPresent(value -> uri.queryParam("q", value));
                    return uri.toString();
                }).orElse(null))));
    }

    @Operation(summary = "Reads a customer by tenant id or domain")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CustomerResponse.class)))
    @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
    @ApiResponse(responseCode = "304", description = ApiDoc.NOT_MODIFIED_DESCRIPTION)
    @Get("/{customerTenantIdOrDomain}")
    @Revalidated
    @RequiresPermission(Permission.VIEW_CUSTOMERS)
    HttpResponse<?> get(HttpRequest<?> request, Authentication caller, @PathVariable String customerTenantIdOrDomain) {
        return answers.of(request, caller,
                getCustomer.get(CustomerRef.parse(customerTenantIdOrDomain).orElse(null), Actors.of(caller)),
                customer -> HttpResponse.ok(response(customer)));
    }

    private MutableHttpResponse<?> refusal(HttpRequest<?> request, CreateCustomer.Refused refused) {
        String code = refused.reason().code();
        String field = refused.field() == null ? refused.reason().field() : refused.field();
        HttpStatus status = refused.reason() == CreateCustomer.Reason.DOMAIN_TAKEN ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        return problems.respond(request, problems.problem(request, status, code,
                List.of(problems.fieldError(request, field, code))));
    }

    static String self(CustomerView customer) {
        return PATH + "/" + customer.tenantId();
    }

    private static CustomerResponse response(CustomerView customer) {
        Map<String, ResourceCollection.Link> links = new LinkedHashMap<>();
        links.put("self", new ResourceCollection.Link(self(customer), "GET"));
        links.put("orders", new ResourceCollection.Link(self(customer) + "/orders", "GET"));
        return CustomerRequests.response(customer, links);
    }
}
