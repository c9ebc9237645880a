package com.cspdesk.adapters.web.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A signed-in route that a token which may only enrol a second factor ({@value SignedInClaims#ENROLMENT_ONLY_CLAIM})
 * may still call: the enrolment itself, and ending one's sessions. Every other signed-in route refuses such a
 * token (the web adapter's {@code mfa.EnrolmentOnlyFilter}). Grants nothing by itself: the route's permission still applies.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface OpenDuringEnrolment {
}
