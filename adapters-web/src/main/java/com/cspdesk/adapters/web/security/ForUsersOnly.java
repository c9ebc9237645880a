package com.cspdesk.adapters.web.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A route about the signed-in user's own account (its second factor, its sessions): an application's
 * token ({@link ApplicationClaims}) is refused there with 403 {@code application_not_a_user}, whatever its
 * roles, by the web adapter's {@code applications.ApplicationTokenFilter}. Grants nothing by itself.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ForUsersOnly {
}
