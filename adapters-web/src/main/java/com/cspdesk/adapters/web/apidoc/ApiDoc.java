package com.cspdesk.adapters.web.apidoc;

/**
 * Names in the API document for the controllers' annotations: the security schemes
 * ({@link ApiDescription}) and the shared problem answers (adapters-web
 * {@code src/main/openapi/components.yml}), e.g. {@code @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)}.
 */
public final class ApiDoc {

    /** The security schemes: a bearer token (POST /login or POST /oauth2/token) and the client-credentials grant. */
    public static final String BEARER = "bearer";
    public static final String CLIENT_CREDENTIALS = "clientCredentials";

    public static final String PROBLEM = "#/components/responses/Problem";
    public static final String BAD_REQUEST = "#/components/responses/BadRequest";
    public static final String UNAUTHORIZED = "#/components/responses/Unauthorized";
    public static final String FORBIDDEN = "#/components/responses/Forbidden";
    public static final String NOT_FOUND = "#/components/responses/NotFound";
    public static final String CONFLICT = "#/components/responses/Conflict";
    public static final String SERVICE_UNAVAILABLE = "#/components/responses/ServiceUnavailable";
    public static final String INTERNAL_ERROR = "#/components/responses/InternalError";
    public static final String UNPROCESSABLE = "#/components/responses/Unprocessable";
    public static final String GONE = "#/components/responses/Gone";
    /** A refused download link: problem+json, or a page for a browser (issue #17). */
    public static final String DOWNLOAD_LINK_GONE = "#/components/responses/DownloadLinkGone";
    public static final String DOWNLOAD_LINK_NOT_FOUND = "#/components/responses/DownloadLinkNotFound";
    public static final String TOO_LARGE = "#/components/responses/TooLarge";
    public static final String UNSUPPORTED_MEDIA_TYPE = "#/components/responses/UnsupportedMediaType";
    public static final String RANGE_NOT_SATISFIABLE = "#/components/responses/RangeNotSatisfiable";
    public static final String TOO_MANY_REQUESTS = "#/components/responses/TooManyRequests";
    /** The 304 of a revalidated GET ({@code @Revalidated}): a description, as a 304 has no body to refer to. */
    public static final String NOT_MODIFIED_DESCRIPTION = "Not modified: If-None-Match names the answer's ETag (no body)";

    private ApiDoc() {
    }
}
