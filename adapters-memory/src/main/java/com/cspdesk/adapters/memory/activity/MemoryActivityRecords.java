package com.cspdesk.adapters.memory.activity;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.activity.port.out.ActivityRecords;
import com.cspdesk.domain.activity.ActivityChain;
import com.cspdesk.domain.activity.ActivityChain.ChainedEntry;
import com.cspdesk.domain.activity.ActivityEntry;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the {@link ActivityBook}: pages over the (operation date, id) order, newest first for the
 * API and oldest first for exports; filters compare lower-cased text (equals any of the values, or
 * contains with the value taken literally); chains in sequence order.
 */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
class MemoryActivityRecords implements ActivityRecords {

    private static final Map<String, Function<ActivityEntry, String>> FIELDS = Map.of(
            "customerId", ActivityEntry::customerId,
            "companyName", ActivityEntry::customerName,
            "resourceKind", ActivityEntry::resourceType,
            "operationKind", ActivityEntry::operationType,
            "userPrincipalName", ActivityEntry::userPrincipalName);

    private final ActivityBook book;

    MemoryActivityRecords(ActivityBook book) {
        this.book = book;
    }

    @Override
    public List<Stored> page(Criteria criteria, Optional<Cursor> after, int limit) {
        Predicate<ActivityEntry> matching = matching(criteria);
        if (limit < 1) {
            return List.of();
        }
        return book.transactions.read(() -> {
            NavigableMap<Cursor, ChainedEntry> newestFirst = range(criteria).descendingMap();
            return stored(after.map(cursor -> newestFirst.tailMap(cursor, false)).orElse(newestFirst), matching, limit);
        });
    }

    @Override
    public long count(Criteria criteria) {
        Predicate<ActivityEntry> matching = matching(criteria);
        return book.transactions.read(() -> range(criteria).values().stream().filter(e -> matching.test(e.entry())).count());
    }

    @Override
    public List<Stored> ascending(Criteria criteria, Optional<Cursor> after, int limit) {
        Predicate<ActivityEntry> matching = matching(criteria);
        if (limit < 1) {
            return List.of();
        }
        return book.transactions.read(() -> {
            NavigableMap<Cursor, ChainedEntry> oldestFirst = range(criteria);
            return stored(after.map(cursor -> oldestFirst.tailMap(cursor, false)).orElse(oldestFirst), matching, limit);
        });
    }

    @Override
    public List<String> chainKeys() {
        return book.transactions.read(() -> {
            // Both: a chain whose records are all gone still has its head.
            TreeSet<String> keys = new TreeSet<>(book.heads.keySet());
            book.chains.forEach((key, chain) -> {
                if (!chain.isEmpty()) {
                    keys.add(key);
                }
            });
            return List.copyOf(keys);
        });
    }

    @Override
    public Optional<ActivityChain.Head> head(String chainKey) {
        return book.transactions.read(() -> Optional.ofNullable(book.heads.get(chainKey)));
    }

    @Override
    public List<ChainedEntry> chain(String chainKey, long afterSequence, int limit) {
        if (limit < 1) {
            return List.of();
        }
        return book.transactions.read(() -> book.chains.getOrDefault(chainKey, List.of()).stream()
                .filter(e -> e.sequence() > afterSequence).limit(limit).toList());
    }

    /** Records with {@code from <= operationDate < to}, oldest first. */
    private NavigableMap<Cursor, ChainedEntry> range(Criteria criteria) {
        // An empty id sorts before every id: the first key of a date.
        return book.byDate.subMap(new Cursor(criteria.from(), ""), true, new Cursor(criteria.to(), ""), false);
    }

    private static List<Stored> stored(NavigableMap<Cursor, ChainedEntry> records, Predicate<ActivityEntry> matching,
                                       int limit) {
        Stream<ChainedEntry> matches = records.values().stream().filter(e -> matching.test(e.entry()));
        return matches.limit(limit).map(e -> new Stored(e.id(), e.entry())).toList();
    }

    /** The filters (every one must match), checked before any record is read: an unknown field or a missing value is refused. */
    private static Predicate<ActivityEntry> matching(Criteria criteria) {
        Predicate<ActivityEntry> all = criteria.field().isEmpty() ? entry -> true
                : matching(criteria.field().get(), criteria.values(), criteria.substring());
        for (Condition also : criteria.also()) {
            all = all.and(matching(also.field(), also.values(), also.substring()));
        }
        return all;
    }

    private static Predicate<ActivityEntry> matching(String field, List<String> values, boolean substring) {
        Function<ActivityEntry, String> value = FIELDS.get(field);
        if (value == null) {
            throw new IllegalArgumentException("the activity log cannot be filtered on " + field);
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a filter on " + field + " needs a value");
        }
        if (substring && values.size() > 1) {
            throw new IllegalArgumentException("a substring filter has one value");
        }
        Set<String> wanted = values.stream().map(v -> v.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        String part = values.get(0).toLowerCase(Locale.ROOT);
        return entry -> {
            String text = value.apply(entry);
            if (text == null) {
                return false;
            }
            String lower = text.toLowerCase(Locale.ROOT);
            return substring ? lower.contains(part) : wanted.contains(lower);
        };
    }
}
