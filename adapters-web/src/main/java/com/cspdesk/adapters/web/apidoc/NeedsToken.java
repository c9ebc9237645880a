package com.cspdesk.adapters.web.apidoc;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * In the API document: the operation takes a bearer token (a user's or an application's) and answers
 * 401 without one. {@code @RequiresPermission} carries it; a route open to any signed-in caller
 * ({@code @Secured(IS_AUTHENTICATED)}) names it itself.
 */
@SecurityRequirement(name = ApiDoc.BEARER)
@SecurityRequirement(name = ApiDoc.CLIENT_CREDENTIALS)
@ApiResponse(responseCode = "401", ref = ApiDoc.UNAUTHORIZED)
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
public @interface NeedsToken {
}
