package com.cspdesk.adapters.web.ui.activity;

import io.swagger.v3.oas.annotations.Hidden;
import com.cspdesk.adapters.web.security.Refusals;
import com.cspdesk.adapters.web.security.Actors;
import io.micronaut.security.authentication.Authentication;
import com.cspdesk.adapters.web.ui.shared.UiPages;
import com.cspdesk.adapters.web.ui.shared.UiUrls;
import com.cspdesk.adapters.web.ui.shared.Formats;
import com.cspdesk.adapters.web.ui.shared.UiLocale;
import com.cspdesk.adapters.web.ui.shared.UiTexts;
import com.cspdesk.adapters.web.ui.shared.Viewer;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.activity.ActivityCatalogue;
import com.cspdesk.application.activity.port.in.ActivityQuery;
import com.cspdesk.application.activity.port.in.QueryActivityLog;
import com.cspdesk.application.customers.port.in.ChooseCustomer;
import com.cspdesk.application.shared.port.in.InvalidContinuationToken;
import com.cspdesk.application.shared.port.in.PageRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Spec "View activity for software key access and software downloads": the gear menu's Activity
 * log, for global admins, account admins, referral admins and marketing content admins. A date
 * range (whole days in UTC, both ends included; the last 30 days unless chosen), the kind of
 * activity (ours, finer than Partner Center's operation type: a cancellation, not an order update), newest first in pages, and the same range as CSV through the JSON API's export
 * ({@code /v1/auditrecords?format=csv}, which the session cookie may read).
 */
@Hidden
@Controller(ActivityPagesController.PATH)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@RequiresPermission(Permission.READ_ACTIVITY_LOG)
public class ActivityPagesController {

    static final String PATH = UiUrls.ACTIVITY;
    /** Our kinds (not Partner Center's coarser types): every one the catalogue names, each with a label. */
    public static final List<String> KINDS = Arrays.stream(ActivityCatalogue.Operation.values())
            .map(ActivityCatalogue.Operation::kind).toList();
    private static final String KIND_FIELD = "OperationKind";
    private static final String USER_FIELD = "UserPrincipalName";
    private static final String CUSTOMER_FIELD = "CustomerId";
    private static final int PAGE_SIZE = 50;
    /** The customer list to choose from; a partner with more customers filters by one through the API. */
    static final int CUSTOMER_CHOICES = 500;

    private final QueryActivityLog queryActivityLog;
    private final Clock clock;
    private final UiPages pages;
    private final UiTexts texts;
    private final ChooseCustomer chooseCustomer;

    ActivityPagesController(QueryActivityLog queryActivityLog, ChooseCustomer chooseCustomer, Clock clock, UiPages pages, UiTexts texts) {
        this.queryActivityLog = queryActivityLog;
        this.chooseCustomer = chooseCustomer;
        this.clock = clock;
        this.pages = pages;
        this.texts = texts;
    }

    @Get
    HttpResponse<?> log(HttpRequest<?> request, Authentication caller, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                        @Nullable @QueryValue String kind, @Nullable @QueryValue String user,
                        @Nullable @QueryValue String customer, @Nullable @QueryValue String page) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Map<String, Object> model = new HashMap<>();
        model.put("section", "activity");
        model.put("titleKey", "activity.title");
        model.put("kinds", KINDS);
        Optional<LocalDate> fromDate = date(from);
        Optional<LocalDate> toDate = date(to);
        LocalDate end = toDate.orElse(today);
        LocalDate start = fromDate.orElse(end.minusDays(29));
        String chosenKind = kind != null && KINDS.contains(kind) ? kind : "";
        Actor actor = Actors.of(caller);
        List<ChooseCustomer.Choice> customers = chooseCustomer.choices(actor, CUSTOMER_CHOICES);
        String chosenUser = user == null || user.isBlank() || user.length() > 255 ? "" : user.strip();
        String chosenCustomer = customer != null && customers.stream().anyMatch(c -> c.tenantId().equals(customer)) ? customer : "";
        Filters chosen = new Filters(chosenKind, chosenUser, chosenCustomer);
        model.put("from", start.toString());
        model.put("to", end.toString());
        model.put("kind", chosenKind);
        model.put("user", chosenUser);
        model.put("customer", chosenCustomer);
        model.put("customers", customers);
        Locale locale = UiLocale.of(request);
        model.put("details", new ActivityDetails(new Formats(locale), key -> texts.find(key, locale), Viewer.of(actor)));
        model.put("today", today.toString());
        // The use case refuses a start more than 90 days before now; a whole day 89 days back is the oldest that passes.
        model.put("oldest", today.minusDays(89).toString());
        if ((from != null && !from.isBlank() && fromDate.isEmpty()) || (to != null && !to.isBlank() && toDate.isEmpty())) {
            model.put("errorKey", "activity.dateInvalid");
            model.put("records", List.of());
            return pages.render(request, HttpStatus.BAD_REQUEST, "activity/log", model);
        }
        // The end date is included: the range ends as the next day begins (UTC).
        ActivityQuery query = new ActivityQuery(Optional.of(start.atStartOfDay(ZoneOffset.UTC).toInstant()),
                Optional.of(end.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()), chosen.query(),
                new PageRequest(PAGE_SIZE, Optional.ofNullable(page).filter(p -> p.length() <= 1024)));
        QueryActivityLog.QueryResult result;
        try {
            result = queryActivityLog.query(query, actor);
        } catch (InvalidContinuationToken stale) {
            return UiPages.redirect(request, PATH);
        }
        if (result instanceof QueryActivityLog.Refused refused) {
            model.put("errorKey", "activity.refused." + refused.reason());
            model.put("records", List.of());
            return pages.render(request, HttpStatus.BAD_REQUEST, "activity/log", model);
        }
        if (result instanceof QueryActivityLog.NotPermitted) {
            return Refusals.notPermitted(caller);
        }
        QueryActivityLog.Found found = (QueryActivityLog.Found) result;
        model.put("records", found.page().items());
        model.put("total", found.page().totalCount());
        model.put("isFirstPage", page == null || page.isBlank());
        model.put("firstHref", href(start, end, chosen, null));
        found.page().continuationToken().ifPresent(token -> model.put("nextHref", href(start, end, chosen, token)));
        UriBuilder csv = UriBuilder.of("/v1/auditrecords").queryParam("startDate", start.toString())
                .queryParam("endDate", end.plusDays(1).toString()).queryParam("format", "csv");
        if (!chosen.query().isEmpty()) {
            csv.queryParam("filter", chosen.json());
        }
        model.put("csvHref", csv.toString());
        return pages.page(request, "activity/log", model);
    }

    /** The page's filters: a kind, a user, a customer (each empty when not chosen), all of which must match. */
    record Filters(String kind, String user, String customer) {

        List<ActivityQuery.Filter> query() {
            List<ActivityQuery.Filter> filters = new ArrayList<>();
            if (!kind.isEmpty()) {
                filters.add(new ActivityQuery.Filter(KIND_FIELD, kind, "equals"));
            }
            if (!user.isEmpty()) {
                filters.add(new ActivityQuery.Filter(USER_FIELD, user, "equals"));
            }
            if (!customer.isEmpty()) {
                filters.add(new ActivityQuery.Filter(CUSTOMER_FIELD, customer, "equals"));
            }
            return filters;
        }

        /** The API's {@code filter}: one object, as Partner Center's, or an array of them. */
        String json() {
            List<String> objects = query().stream().map(f -> "{\"field\":\"" + f.field() + "\",\"value\":\"" + jsonText(f.value())
                    + "\",\"operator\":\"equals\"}").toList();
            return objects.size() == 1 ? objects.get(0) : "[" + String.join(",", objects) + "]";
        }

        private static String jsonText(String value) {
            StringBuilder out = new StringBuilder();
            for (char c : value.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }
    }

    private static String href(LocalDate start, LocalDate end, Filters filters, @Nullable String token) {
        UriBuilder uri = UriBuilder.of(PATH).queryParam("from", start.toString()).queryParam("to", end.toString());
        if (!filters.kind().isEmpty()) {
            uri.queryParam("kind", filters.kind());
        }
        if (!filters.user().isEmpty()) {
            uri.queryParam("user", filters.user());
        }
        if (!filters.customer().isEmpty()) {
            uri.queryParam("customer", filters.customer());
        }
        if (token != null) {
            uri.queryParam("page", token);
        }
        return uri.toString();
    }

    private static Optional<LocalDate> date(@Nullable String text) {
        if (text == null || text.isBlank() || text.length() > 10) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }
}
