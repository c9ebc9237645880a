package com.cspdesk.adapters.web.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How a list route is asked for CSV instead of JSON, the same on every route that offers both. */
public final class CsvRequests {

    public static final String TEXT_CSV = "text/csv";
    public static final MediaType CSV_UTF8 = MediaType.of("text/csv; charset=UTF-8");

    private CsvRequests() {
    }

    /** {@code format=csv|json} decides; without it, {@code Accept: text/csv} (and no JSON) asks for CSV. Empty: unknown format. */
    public static Optional<Boolean> wantsCsv(HttpRequest<?> request, @Nullable String format) {
        if (format != null && !format.isBlank()) {
            String chosen = format.strip().toLowerCase(Locale.ROOT);
            return chosen.equals("csv") ? Optional.of(true) : chosen.equals("json") ? Optional.of(false) : Optional.empty();
        }
        List<MediaType> accepted = request.getHeaders().accept();
        boolean csv = accepted.stream().anyMatch(type -> type.getName().equalsIgnoreCase(TEXT_CSV));
        boolean jsonToo = accepted.stream().anyMatch(type -> type.getName().equalsIgnoreCase(MediaType.APPLICATION_JSON));
        return Optional.of(csv && !jsonToo);
    }
}
