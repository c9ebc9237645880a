package com.cspdesk.application.idempotency.port.in;

/**
 * The first answer to an idempotent request, kept so a retry gets it again byte for byte.
 * {@code location} is the Location header of a 201, or null.
 */
public record RecordedResponse(int status, String contentType, String body, String location) {
}
