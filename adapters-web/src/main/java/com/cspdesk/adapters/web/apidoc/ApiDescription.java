package com.cspdesk.adapters.web.apidoc;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * The head of the API document micronaut-openapi's processor writes at compile time from the
 * controllers (META-INF/swagger/cspdesk.json, served by {@link ApiDocumentController}): the title
 * and the two ways to present a token. Which operations need one follows from the routes:
 * {@code @RequiresPermission} carries the requirement (and the 401, 403 and 503 answers).
 * The reusable problem responses and the client-credentials scheme (OpenAPI wants its {@code scopes}
 * even when empty, which the annotation cannot say) are in this module's {@code src/main/openapi/components.yml}.
 */
@OpenAPIDefinition(
        info = @Info(title = "CSP Software Desk API", version = "1",
                description = "The desk's JSON API: customers, catalog, orders, software, invoices, support, "
                        + "users, the activity log. Partner Center's wire format where the resource is Partner "
                        + "Center's. Every refusal is application/problem+json with a stable code (and Partner "
                        + "Center's code, description and data)."))
@SecurityScheme(name = ApiDoc.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        in = SecuritySchemeIn.HEADER,
        description = "The access_token of POST /login (a user) or of POST /oauth2/token (an application).")
final class ApiDescription {

    private ApiDescription() {
    }
}
