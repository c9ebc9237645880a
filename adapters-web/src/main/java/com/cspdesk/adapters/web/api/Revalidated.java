package com.cspdesk.adapters.web.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A GET route whose 200 JSON answer a client may revalidate: {@link ConditionalAnswers} gives it a weak
 * {@code ETag} (a hash of the JSON bytes it sends), {@code Cache-Control: private, no-cache}, and answers a
 * matching {@code If-None-Match} with {@code 304 Not Modified} and no body. Refusals, 404s and non-JSON
 * answers (CSV exports) of the same route are left as they are.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Revalidated {
}
