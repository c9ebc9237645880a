package com.cspdesk.adapters.web.security;

import com.cspdesk.domain.access.Permission;

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
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresPermission {

    Permission value();
}
