package com.cspdesk.application.activity.port.out;

import com.cspdesk.domain.activity.ActivityChain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reading the activity log (it is written only through {@link ActivityLog}). */
public interface ActivityRecords {

    /**
     * Records with {@code from <= operationDate < to}, newest first (date, then id, descending),
     * after {@code after} (exclusive), at most {@code limit}.
     */
    List<Stored> page(Criteria criteria, Optional<Cursor> after, int limit);

    long count(Criteria criteria);

    /**
     * {@link #page} and {@link #count} of the same criteria, read together: a store that borrows a connection for
     * each read does it once here (a page of the log is always shown with its count).
     */
    default Counted pageAndCount(Criteria criteria, Optional<Cursor> after, int limit) {
        return new Counted(page(criteria, after, limit), count(criteria));
    }

    /** Oldest first, after {@code after} (exclusive), at most {@code limit}: for exports. */
    List<Stored> ascending(Criteria criteria, Optional<Cursor> after, int limit);

    /** Every chain: those with a head and those with records (a chain whose head is gone included). */
    List<String> chainKeys();

    Optional<ActivityChain.Head> head(String chainKey);

    /** One chain in sequence order, entries with a sequence greater than {@code afterSequence}, at most {@code limit}. */
    List<ActivityChain.ChainedEntry> chain(String chainKey, long afterSequence, int limit);

    /**
     * {@code field} one of customerId, companyName, resourceKind, operationKind (the kinds as stored:
     * {@link com.cspdesk.domain.activity.ActivityEntry#resourceType()} and
     * {@link com.cspdesk.domain.activity.ActivityEntry#operationType()}) or userPrincipalName. Equals matches a
     * record whose field is any of {@code values}; {@code substring} (exactly one value) one whose field contains it.
     * Matching ignores case. A field without a value is refused ({@link IllegalArgumentException}). Each of
     * {@code also} (another field each) must match as well; the first field is the one the store reads by.
     */
    record Criteria(Instant from, Instant to, Optional<String> field, List<String> values, boolean substring,
                    List<Condition> also) {

        public Criteria {
            values = List.copyOf(values);
            also = List.copyOf(also);
        }

        public Criteria(Instant from, Instant to, Optional<String> field, List<String> values, boolean substring) {
            this(from, to, field, values, substring, List.of());
        }

        /** One value, or none without a field. */
        public Criteria(Instant from, Instant to, Optional<String> field, Optional<String> value, boolean substring) {
            this(from, to, field, value.map(List::of).orElse(List.of()), substring, List.of());
        }

        /** The same, read by its first field only with these values (a merge of one read per value). */
        public Criteria withValues(List<String> only) {
            return new Criteria(from, to, field, only, substring, also);
        }
    }

    /** One more field that must match: equals any of {@code values}, or contains the one value. */
    record Condition(String field, List<String> values, boolean substring) {

        public Condition {
            values = List.copyOf(values);
        }
    }

    record Cursor(Instant operationDate, String id) {
    }

    record Stored(String id, com.cspdesk.domain.activity.ActivityEntry entry) {
    }

    /** A page of records and how many match in all. */
    record Counted(List<Stored> rows, long total) {

        public Counted {
            rows = List.copyOf(rows);
        }
    }
}
