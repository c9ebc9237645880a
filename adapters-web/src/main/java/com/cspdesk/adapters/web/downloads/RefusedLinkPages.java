package com.cspdesk.adapters.web.downloads;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

/**
 * The page a browser gets for a refused download link (issue #17 item 7), in its reader's language:
 * made by the dashboard (ui), which knows the pages' layout and texts, so downloads need not know it.
 */
public interface RefusedLinkPages {

    /** {@code code}: link_expired, link_exhausted, link_revoked or link_invalid. */
    MutableHttpResponse<?> page(HttpRequest<?> request, HttpStatus status, String code);
}
