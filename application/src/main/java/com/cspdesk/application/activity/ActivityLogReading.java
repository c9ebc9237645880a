package com.cspdesk.application.activity;

import com.cspdesk.application.activity.port.in.ActivityQuery;
import com.cspdesk.application.activity.port.in.ActivityRecordView;
import com.cspdesk.application.activity.port.in.QueryActivityLog;
import com.cspdesk.application.activity.port.in.VerifyActivityLog;
import com.cspdesk.application.activity.port.out.ActivityRecords;
import com.cspdesk.application.shared.ContinuationTokens;
import com.cspdesk.application.shared.port.in.InvalidContinuationToken;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.application.shared.port.in.Page;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.activity.ActivityCatalogue;
import com.cspdesk.domain.activity.ActivityChain;
import com.cspdesk.domain.activity.ActivityEntry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Spec "View activity for software key access and software downloads", with Partner Center's
 * audit-record rules (anchor facts): the last 30 days by default, nothing from more than 90
 * days back, one filter; and the check that the stored chains are intact. A record shows Partner
 * Center's operation and resource types beside our own kinds (the {@link ActivityCatalogue}'s, mapped
 * as it is read: what is stored, and hashed, is our kind).
 */
public final class ActivityLogReading implements QueryActivityLog, VerifyActivityLog {

    public static final Duration DEFAULT_RANGE = Duration.ofDays(30);
    public static final Duration OLDEST_START = Duration.ofDays(90);
    static final String TOKEN_KIND = "activity";
    private static final int BATCH = 1000;
    /** The API's filter fields (any case) and the port's; ResourceType and OperationType are read through the catalogue. */
    private static final Map<String, String> FIELDS = Map.of(
            "customerid", "customerId", "companyname", "companyName",
            "resourcetype", "resourceType", "operationtype", "operationType",
            "resourcekind", "resourceKind", "operationkind", "operationKind", "userprincipalname", "userPrincipalName");
    /** The dashboard's filters at once (kind, user, customer, and a Partner Center filter beside them): at most one per field. */
    private static final int MOST_FILTERS = FIELDS.size();

    private final ActivityRecords records;
    private final Clock clock;

    public ActivityLogReading(ActivityRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    @Override
    public QueryResult query(ActivityQuery query, Actor actor) {
        if (!actor.may(Permission.READ_ACTIVITY_LOG)) {
            return new NotPermitted(Permission.READ_ACTIVITY_LOG);
        }
        Instant now = clock.instant();
        Optional<QueryResult> refusal = refusal(query, now);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        Optional<ActivityRecords.Cursor> after = query.page().continuationToken().map(ActivityLogReading::cursor);
        Optional<ActivityRecords.Criteria> matching = criteria(query, actor, now);
        if (matching.isEmpty()) {
            return new Found(new Page<>(List.of(), 0, Optional.empty()));
        }
        ActivityRecords.Criteria criteria = matching.get();
        int size = query.page().size();
        ActivityRecords.Counted counted = records.pageAndCount(criteria, after, size + 1);
        List<ActivityRecords.Stored> rows = counted.rows();
        boolean more = rows.size() > size;
        List<ActivityRecords.Stored> shown = more ? rows.subList(0, size) : rows;
        Optional<String> next = more ? Optional.of(ContinuationTokens.encode(TOKEN_KIND,
                shown.get(size - 1).entry().operationDate().toString(), shown.get(size - 1).id())) : Optional.empty();
        return new Found(new Page<>(shown.stream().map(stored -> view(stored, actor)).toList(), counted.total(), next));
    }

    @Override
    public QueryResult forEach(ActivityQuery query, Actor actor, Consumer<ActivityRecordView> sink) {
        if (!actor.may(Permission.READ_ACTIVITY_LOG)) {
            return new NotPermitted(Permission.READ_ACTIVITY_LOG);
        }
        Instant now = clock.instant();
        Optional<QueryResult> refusal = refusal(query, now);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        Optional<ActivityRecords.Criteria> matching = criteria(query, actor, now);
        if (matching.isEmpty()) {
            return new Found(new Page<>(List.of(), 0, Optional.empty()));
        }
        ActivityRecords.Criteria criteria = matching.get();
        Optional<ActivityRecords.Cursor> after = Optional.empty();
        long total = 0;
        while (true) {
            List<ActivityRecords.Stored> batch = records.ascending(criteria, after, BATCH);
            batch.forEach(stored -> sink.accept(view(stored, actor)));
            total += batch.size();
            if (batch.size() < BATCH) {
                break;
            }
            ActivityRecords.Stored last = batch.get(batch.size() - 1);
            after = Optional.of(new ActivityRecords.Cursor(last.entry().operationDate(), last.id()));
        }
        return new Found(new Page<>(List.of(), total, Optional.empty()));
    }

    @Override
    public Lookup<Verification> verify(Actor actor) {
        if (!actor.may(Permission.READ_ACTIVITY_LOG)) {
            return Lookup.notPermitted(Permission.READ_ACTIVITY_LOG);
        }
        return Lookup.found(verifyChains());
    }

    private Verification verifyChains() {
        long checked = 0;
        List<String> chains = records.chainKeys();
        for (String chain : chains) {
            String previousHash = ActivityChain.GENESIS;
            long sequence = 0;
            Optional<ActivityChain.ChainedEntry> lastSeen = Optional.empty();
            while (true) {
                List<ActivityChain.ChainedEntry> part = records.chain(chain, sequence, BATCH);
                Optional<ActivityChain.BrokenLink> broken = ActivityChain.firstBrokenLink(previousHash, sequence + 1, part);
                checked += part.size();
                if (broken.isPresent()) {
                    return new Verification(checked, chains.size(), Optional.of(new BrokenLink(broken.get().id(), chain,
                            broken.get().sequence(), broken.get().reason())));
                }
                if (!part.isEmpty()) {
                    lastSeen = Optional.of(part.get(part.size() - 1));
                }
                if (part.size() < BATCH) {
                    break;
                }
                ActivityChain.ChainedEntry last = part.get(part.size() - 1);
                previousHash = last.hash();
                sequence = last.sequence();
            }
            Optional<ActivityChain.BrokenLink> end = ActivityChain.endsAtItsHead(lastSeen, records.head(chain));
            if (end.isPresent()) {
                return new Verification(checked, chains.size(), Optional.of(new BrokenLink(end.get().id(), chain,
                        end.get().sequence(), end.get().reason())));
            }
        }
        return new Verification(checked, chains.size(), Optional.empty());
    }

    private static Optional<QueryResult> refusal(ActivityQuery query, Instant now) {
        Instant end = query.endDate().orElse(now);
        Instant start = query.startDate().orElse(end.minus(DEFAULT_RANGE));
        if (start.isBefore(now.minus(OLDEST_START))) {
            return Optional.of(new Refused("start_date_too_old", "startDate"));
        }
        if (!start.isBefore(end)) {
            return Optional.of(new Refused("date_range_invalid", "endDate"));
        }
        if (query.filters().size() > MOST_FILTERS) {
            return Optional.of(new Refused("filter_invalid", "filter"));
        }
        java.util.Set<String> fields = new java.util.HashSet<>();
        for (ActivityQuery.Filter filter : query.filters()) {
            String operator = filter.operator() == null ? "equals" : filter.operator().toLowerCase(Locale.ROOT);
            if (filter.field() == null || !FIELDS.containsKey(filter.field().toLowerCase(Locale.ROOT))
                    || filter.value() == null || filter.value().isBlank() || filter.value().length() > 255
                    || !(operator.equals("equals") || operator.equals("substring"))
                    || !fields.add(FIELDS.get(filter.field().toLowerCase(Locale.ROOT)))) {
                return Optional.of(new Refused("filter_invalid", "filter"));
            }
        }
        return Optional.empty();
    }

    /**
     * The port's criteria: every filter must match. A filter on Partner Center's OperationType or ResourceType
     * reads every kind the {@link ActivityCatalogue} calls so (equals: {@code update_order} finds cancellations;
     * substring: the kinds whose PC name contains the value); empty when no kind is called so, as nothing can
     * match. The store reads by the first field that has an index (the user's name has none, so it comes last).
     * A customer's user (none may read the log today) would read its own tenant's records only.
     */
    private static Optional<ActivityRecords.Criteria> criteria(ActivityQuery query, Actor actor, Instant now) {
        Instant end = query.endDate().orElse(now);
        Instant start = query.startDate().orElse(end.minus(DEFAULT_RANGE));
        List<ActivityRecords.Condition> conditions = new java.util.ArrayList<>();
        actor.customerTenantId().ifPresent(tenant -> conditions.add(new ActivityRecords.Condition("customerId", List.of(tenant), false)));
        for (ActivityQuery.Filter filter : query.filters()) {
            String field = FIELDS.get(filter.field().toLowerCase(Locale.ROOT));
            String value = filter.value().strip();
            boolean substring = "substring".equalsIgnoreCase(filter.operator());
            if (field.equals("operationType") || field.equals("resourceType")) {
                List<String> kinds = field.equals("operationType") ? ActivityCatalogue.operationKindsCalled(value, substring)
                        : ActivityCatalogue.resourceKindsCalled(value, substring);
                if (kinds.isEmpty()) {
                    return Optional.empty();
                }
                conditions.add(new ActivityRecords.Condition(field.equals("operationType") ? "operationKind" : "resourceKind",
                        kinds, false));
            } else {
                conditions.add(new ActivityRecords.Condition(field, List.of(value), substring));
            }
        }
        conditions.sort(java.util.Comparator.comparing(c -> c.field().equals("userPrincipalName")));
        if (conditions.isEmpty()) {
            return Optional.of(new ActivityRecords.Criteria(start, end, Optional.empty(), List.of(), false));
        }
        ActivityRecords.Condition first = conditions.get(0);
        return Optional.of(new ActivityRecords.Criteria(start, end, Optional.of(first.field()), first.values(), first.substring(),
                conditions.subList(1, conditions.size())));
    }

    private static ActivityRecords.Cursor cursor(String token) {
        List<String> values = ContinuationTokens.decode(TOKEN_KIND, 2, token);
        try {
            return new ActivityRecords.Cursor(Instant.parse(values.get(0)), values.get(1));
        } catch (DateTimeParseException e) {
            throw new InvalidContinuationToken();
        }
    }

    /**
     * A record as this reader may see it. A download link's id is a credential (with the token
     * secret it rebuilds the link), so only a reader who may make links sees it; the others get
     * the record without it. The stored record, which the chain check reads, is never changed.
     */
    private static ActivityRecordView view(ActivityRecords.Stored stored, Actor reader) {
        ActivityEntry e = stored.entry();
        Map<String, String> data = e.customizedData();
        if (data.containsKey(ActivityEntry.LINK_ID) && !reader.may(Permission.CREATE_DOWNLOAD_LINK)) {
            data = new LinkedHashMap<>(data);
            data.remove(ActivityEntry.LINK_ID);
            data = Collections.unmodifiableMap(data);
        }
        return new ActivityRecordView(stored.id(), e.operationDate(), ActivityCatalogue.operationTypeOf(e.operationType()),
                e.operationType(), e.operationStatus(), e.userPrincipalName(), e.applicationId(), e.customerId(),
                e.customerName(), ActivityCatalogue.resourceTypeOf(e.resourceType()), e.resourceType(), e.resourceId(), data);
    }
}
