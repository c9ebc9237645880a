package com.cspdesk.adapters.web.security;

import com.cspdesk.adapters.web.apidoc.ApiDoc;
import com.cspdesk.adapters.web.apidoc.NeedsToken;
import com.cspdesk.domain.access.Permission;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The business action a route performs. {@link PermissionRule} lets the caller through when
 * {@link Permission}'s table grants it to one of the caller's roles (401 without a sign-in, 403
 * otherwise) — the roles are never written out in an adapter. Routes open to anyone, or to any
 * signed-in caller, say so with {@code @Secured(IS_ANONYMOUS | IS_AUTHENTICATED)} instead.
 * In the API document every such route needs a token and may answer 401, 403, 500 (nothing changed) and 503 (the database).
 */
@NeedsToken
@ApiResponse(responseCode = "403", ref = ApiDoc.FORBIDDEN)
@ApiResponse(responseCode = "500", ref = ApiDoc.INTERNAL_ERROR)
@ApiResponse(responseCode = "503", ref = ApiDoc.SERVICE_UNAVAILABLE)
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresPermission {

    Permission value();
}
