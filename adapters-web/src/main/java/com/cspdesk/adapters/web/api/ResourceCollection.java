package com.cspdesk.adapters.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * api.md "Collections": {@code {totalCount, items, links: {next: {uri, method, headers}}}}; the next
 * link carries an opaque continuation token. As Partner Center writes it (#14): the uri is relative to
 * the API root ({@code customers?size=2&continuationToken=…}, which its SDK puts after {@code /v1/}),
 * and the token is also in the link's {@code MS-ContinuationToken} header. {@code items} is written
 * even when empty ({@code []}, as Partner Center does); {@code links} only when there is a next page.
 */
@Serdeable
public record ResourceCollection<T>(long totalCount,
                                    // An empty page still says "items": [] — PC clients read the field unconditionally.
                                    @JsonInclude(JsonInclude.Include.ALWAYS) List<T> items,
                                    @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) Map<String, Link> links) {

    /** The root every API path starts with; the next link is written relative to it. */
    static final String API_ROOT = "/v1/";
    public static final String CONTINUATION_HEADER = "MS-ContinuationToken";
    private static final String TOKEN_PARAMETER = "continuationToken=";

    /**
     * The continuation token a list request carries: the {@code continuationToken} query parameter,
     * or else the {@code MS-ContinuationToken} header alone, as Partner Center's SDK sends it when it
     * follows a next link.
     */
    public static Optional<String> requestedToken(HttpRequest<?> request, @Nullable String queryValue) {
        if (queryValue != null) {
            return Optional.of(queryValue);
        }
        return Optional.ofNullable(request.getHeaders().get(CONTINUATION_HEADER)).filter(token -> !token.isBlank());
    }

    public static <T> ResourceCollection<T> of(List<T> items) {
        return new ResourceCollection<>(items.size(), List.copyOf(items), Map.of());
    }

    /** {@code nextUri}: the next page's path from the root, e.g. {@code /v1/customers?size=2&continuationToken=…}. */
    public static <T> ResourceCollection<T> of(long totalCount, List<T> items, @Nullable String nextUri) {
        return new ResourceCollection<>(totalCount, List.copyOf(items),
                nextUri == null ? Map.of() : Map.of("next", Link.next(nextUri)));
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Link(String uri, @Nullable String method, @Nullable List<Header> headers) {

        /** A link to a resource (self, lineItems, …): its path from the root, no headers. */
        public Link(String uri, @Nullable String method) {
            this(uri, method, null);
        }

        static Link next(String path) {
            String relative = path.startsWith(API_ROOT) ? path.substring(API_ROOT.length()) : path;
            return new Link(relative, "GET", token(relative).map(token -> List.of(new Header(CONTINUATION_HEADER, token)))
                    .orElse(null));
        }

        private static Optional<String> token(String uri) {
            int query = uri.indexOf('?');
            if (query < 0) {
                return Optional.empty();
            }
            for (String parameter : uri.substring(query + 1).split("&")) {
                if (parameter.startsWith(TOKEN_PARAMETER)) {
                    return Optional.of(URLDecoder.decode(parameter.substring(TOKEN_PARAMETER.length()), StandardCharsets.UTF_8));
                }
            }
            return Optional.empty();
        }
    }

    /** A header the next request sends, as Partner Center's links carry them. */
    @Serdeable
    public record Header(String key, String value) {
    }
}
