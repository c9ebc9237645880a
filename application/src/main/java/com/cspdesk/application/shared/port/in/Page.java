package com.cspdesk.application.shared.port.in;

import java.util.List;
import java.util.Optional;

/** One page of a collection: the items, how many there are in all, and the token for the next page. */
public record Page<T>(List<T> items, long totalCount, Optional<String> continuationToken) {

    public Page {
        items = List.copyOf(items);
    }
}
