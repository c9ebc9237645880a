package com.cspdesk.adapters.web.security;

import com.cspdesk.adapters.web.apidoc.ApiDoc;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A route about the signed-in user's own account (its second factor, its sessions): an application's
 * token ({@link ApplicationClaims}) is refused there with 403 {@code application_not_a_user}, whatever its
 * roles, by the web adapter's {@code applications.ApplicationTokenFilter}. Grants nothing by itself.
 * The API document names that 403 on each such route.
 */
@ApiResponse(responseCode = "403", description = "Forbidden; an application's token is application_not_a_user here",
        ref = ApiDoc.FORBIDDEN)
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ForUsersOnly {
}
