package com.cspdesk.domain.activity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Spec "View activity…" (for auditing or compliance): the log is tamper-evident. Every entry
 * carries the SHA-256 of its content and of the previous entry's hash, so changing, removing or
 * reordering a stored entry breaks the chain from that entry on. One chain per customer (keyed
 * by tenant id, so it shards with the customer) and one for partner-wide actions.
 */
public final class ActivityChain {

    public static final String PARTNER_CHAIN = "partner";
    public static final String GENESIS = "0".repeat(64);

    private ActivityChain() {
    }

    /** The hash of an entry that follows {@code previousHash} at position {@code sequence} of its chain. */
    public static String hash(String previousHash, long sequence, ActivityEntry entry) {
        Objects.requireNonNull(previousHash, "previousHash");
        StringBuilder canonical = new StringBuilder()
                .append(previousHash).append('\n')
                .append(sequence).append('\n');
        field(canonical, entry.operationDate().toString());
        field(canonical, entry.operationType());
        field(canonical, entry.operationStatus());
        field(canonical, entry.userPrincipalName());
        field(canonical, entry.applicationId());
        field(canonical, entry.customerId());
        field(canonical, entry.customerName());
        field(canonical, entry.resourceType());
        field(canonical, entry.resourceId());
        for (Map.Entry<String, String> data : entry.customizedData().entrySet()) {
            field(canonical, data.getKey());
            field(canonical, data.getValue());
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** Verifies one chain read in sequence order; answers the first entry that does not fit. */
    public static Optional<BrokenLink> firstBrokenLink(List<ChainedEntry> chainInOrder) {
        return firstBrokenLink(GENESIS, 1, chainInOrder);
    }

    /**
     * Verifies a part of a chain that should follow the entry with hash {@code previousHash} and
     * start at {@code firstSequence}, so long chains can be checked a page at a time.
     */
    public static Optional<BrokenLink> firstBrokenLink(String previousHash, long firstSequence, List<ChainedEntry> part) {
        String previous = previousHash;
        long expectedSequence = firstSequence;
        List<ChainedEntry> chainInOrder = part;
        for (ChainedEntry stored : chainInOrder) {
            if (stored.sequence() != expectedSequence) {
                return Optional.of(new BrokenLink(stored.id(), stored.sequence(), "sequence_gap"));
            }
            if (!stored.previousHash().equals(previous)) {
                return Optional.of(new BrokenLink(stored.id(), stored.sequence(), "previous_hash_mismatch"));
            }
            if (!hash(previous, stored.sequence(), stored.entry()).equals(stored.hash())) {
                return Optional.of(new BrokenLink(stored.id(), stored.sequence(), "content_changed"));
            }
            previous = stored.hash();
            expectedSequence++;
        }
        return Optional.empty();
    }

    /**
     * A chain, verified record by record, must also end where its head says: otherwise its newest
     * records were deleted (or the head was moved), which no record-by-record check can see.
     * {@code lastSeen} is the last record read (empty: none), {@code head} the chain's head row
     * (empty: none, which a chain with records must not lack).
     */
    public static Optional<BrokenLink> endsAtItsHead(Optional<ChainedEntry> lastSeen, Optional<Head> head) {
        long seenSequence = lastSeen.map(ChainedEntry::sequence).orElse(0L);
        String seenId = lastSeen.map(ChainedEntry::id).orElse(null);
        if (head.isEmpty()) {
            return lastSeen.isEmpty() ? Optional.empty() : Optional.of(new BrokenLink(seenId, seenSequence, "head_missing"));
        }
        if (head.get().lastSequence() > seenSequence) {
            return Optional.of(new BrokenLink(seenId, seenSequence + 1, "records_missing_at_end"));
        }
        if (head.get().lastSequence() < seenSequence
                || !head.get().lastHash().equals(lastSeen.map(ChainedEntry::hash).orElse(GENESIS))) {
            return Optional.of(new BrokenLink(seenId, seenSequence, "head_mismatch"));
        }
        return Optional.empty();
    }

    /** The head of a chain as stored: its last sequence and hash. */
    public record Head(long lastSequence, String lastHash) {
    }

    // Length-prefixed, so no value can imitate a field boundary.
    private static void field(StringBuilder canonical, String value) {
        String v = value == null ? "" : value;
        canonical.append(value == null ? -1 : v.length()).append(':').append(v).append('\n');
    }

    /** An entry as stored, with its place in the chain. */
    public record ChainedEntry(String id, long sequence, String previousHash, String hash, ActivityEntry entry) {
    }

    /** Where the chain breaks and how. */
    public record BrokenLink(String id, long sequence, String reason) {
    }
}
