package com.cspdesk.adapters.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * api.md "Collections": {@code {totalCount, items, links: {next: {uri}}}}; the next link carries
 * an opaque continuation token.
 */
@Serdeable
public record ResourceCollection<T>(long totalCount, List<T> items, Map<String, Link> links) {

    public static <T> ResourceCollection<T> of(List<T> items) {
        return new ResourceCollection<>(items.size(), List.copyOf(items), Map.of());
    }

    public static <T> ResourceCollection<T> of(long totalCount, List<T> items, @Nullable String nextUri) {
        return new ResourceCollection<>(totalCount, List.copyOf(items),
                nextUri == null ? Map.of() : Map.of("next", new Link(nextUri, "GET")));
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Link(String uri, @Nullable String method) {
    }
}
