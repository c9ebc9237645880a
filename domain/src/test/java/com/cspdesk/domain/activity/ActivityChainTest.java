package com.cspdesk.domain.activity;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityChainTest {

    private static final Instant AT = Instant.parse("2026-11-21T10:00:00.123456789Z");

    @Test
    void anIntactChainVerifies() {
        assertThat(ActivityChain.firstBrokenLink(chain(5))).isEmpty();
        assertThat(ActivityChain.firstBrokenLink(List.of())).isEmpty();
    }

    @Test
    void aChangedFieldBreaksTheChainAtThatEntry() {
        List<ActivityChain.ChainedEntry> chain = chain(5);
        ActivityChain.ChainedEntry third = chain.get(2);
        ActivityEntry altered = new ActivityEntry(third.entry().operationDate(), third.entry().operationType(), "succeeded",
                "someone.else@partner.example", null, "tenant-1", "Contoso", "software_key", "line-2", Map.of());
        chain.set(2, new ActivityChain.ChainedEntry(third.id(), third.sequence(), third.previousHash(), third.hash(), altered));
        assertThat(ActivityChain.firstBrokenLink(chain))
                .contains(new ActivityChain.BrokenLink("id-3", 3, "content_changed"));
    }

    @Test
    void aRemovedOrReorderedEntryIsFound() {
        List<ActivityChain.ChainedEntry> removed = chain(5);
        removed.remove(1);
        assertThat(ActivityChain.firstBrokenLink(removed)).hasValueSatisfying(b -> assertThat(b.id()).isEqualTo("id-3"));

        List<ActivityChain.ChainedEntry> recomputed = chain(5);
        ActivityChain.ChainedEntry second = recomputed.get(1);
        // A forger who rewrites one hash still breaks the next link.
        String forged = ActivityChain.hash(second.previousHash(), 2, entry(99));
        recomputed.set(1, new ActivityChain.ChainedEntry("id-2", 2, second.previousHash(), forged, entry(99)));
        assertThat(ActivityChain.firstBrokenLink(recomputed))
                .contains(new ActivityChain.BrokenLink("id-3", 3, "previous_hash_mismatch"));
    }

    @Test
    void aChainMustEndWhereItsHeadSays() {
        List<ActivityChain.ChainedEntry> chain = chain(5);
        ActivityChain.Head head = new ActivityChain.Head(5, chain.get(4).hash());
        assertThat(ActivityChain.endsAtItsHead(Optional.of(chain.get(4)), Optional.of(head))).isEmpty();
        // The newest two deleted: the rest still verifies record by record, only the head tells.
        assertThat(ActivityChain.firstBrokenLink(chain.subList(0, 3))).isEmpty();
        assertThat(ActivityChain.endsAtItsHead(Optional.of(chain.get(2)), Optional.of(head)))
                .contains(new ActivityChain.BrokenLink("id-3", 4, "records_missing_at_end"));
        // Every record deleted, the head kept.
        assertThat(ActivityChain.endsAtItsHead(Optional.empty(), Optional.of(head)))
                .contains(new ActivityChain.BrokenLink(null, 1, "records_missing_at_end"));
        // The head moved back, or pointing at another hash.
        assertThat(ActivityChain.endsAtItsHead(Optional.of(chain.get(4)), Optional.of(new ActivityChain.Head(4, chain.get(3).hash()))))
                .contains(new ActivityChain.BrokenLink("id-5", 5, "head_mismatch"));
        assertThat(ActivityChain.endsAtItsHead(Optional.of(chain.get(4)), Optional.of(new ActivityChain.Head(5, chain.get(3).hash()))))
                .contains(new ActivityChain.BrokenLink("id-5", 5, "head_mismatch"));
        // The head deleted; and no chain at all is fine.
        assertThat(ActivityChain.endsAtItsHead(Optional.of(chain.get(4)), Optional.empty()))
                .contains(new ActivityChain.BrokenLink("id-5", 5, "head_missing"));
        assertThat(ActivityChain.endsAtItsHead(Optional.empty(), Optional.empty())).isEmpty();
    }

    @Test
    void aLongChainVerifiesPageByPage() {
        List<ActivityChain.ChainedEntry> chain = chain(6);
        assertThat(ActivityChain.firstBrokenLink(ActivityChain.GENESIS, 1, chain.subList(0, 3))).isEmpty();
        assertThat(ActivityChain.firstBrokenLink(chain.get(2).hash(), 4, chain.subList(3, 6))).isEmpty();
        assertThat(ActivityChain.firstBrokenLink(chain.get(1).hash(), 4, chain.subList(3, 6)))
                .contains(new ActivityChain.BrokenLink("id-4", 4, "previous_hash_mismatch"));
        assertThat(ActivityChain.firstBrokenLink(chain.get(2).hash(), 5, chain.subList(3, 6)))
                .contains(new ActivityChain.BrokenLink("id-4", 4, "sequence_gap"));
    }

    @Test
    void fieldBoundariesCannotBeImitated() {
        ActivityEntry a = new ActivityEntry(AT, "get_software_key", "succeeded", "ab", null, "c", "d", "e", "f", Map.of());
        ActivityEntry b = new ActivityEntry(AT, "get_software_key", "succeeded", "a", "b", "c", "d", "e", "f", Map.of());
        assertThat(ActivityChain.hash(ActivityChain.GENESIS, 1, a)).isNotEqualTo(ActivityChain.hash(ActivityChain.GENESIS, 1, b));
    }

    @Test
    void customizedDataOrderAndTheMicrosecondAreStable() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("version", "2019");
        data.put("language", "de-DE");
        ActivityEntry entry = new ActivityEntry(AT, "get_software_key", "succeeded", "u", null, "t", "n", "software_key", "r", data);
        assertThat(entry.operationDate()).isEqualTo(Instant.parse("2026-11-21T10:00:00.123456Z"));
        assertThat(entry.customizedData().keySet()).containsExactly("version", "language");
        assertThat(entry.chainKey()).isEqualTo("t");
        assertThat(new ActivityEntry(AT, "x", "succeeded", "u", null, null, null, "user", "r", null).chainKey())
                .isEqualTo(ActivityChain.PARTNER_CHAIN);
    }

    private static List<ActivityChain.ChainedEntry> chain(int length) {
        List<ActivityChain.ChainedEntry> chain = new ArrayList<>();
        String previous = ActivityChain.GENESIS;
        for (int i = 1; i <= length; i++) {
            String hash = ActivityChain.hash(previous, i, entry(i));
            chain.add(new ActivityChain.ChainedEntry("id-" + i, i, previous, hash, entry(i)));
            previous = hash;
        }
        return chain;
    }

    private static ActivityEntry entry(int i) {
        return new ActivityEntry(AT.plusSeconds(i), "get_software_key", "succeeded", "agent@partner.example", null,
                "tenant-1", "Contoso", "software_key", "line-" + i, Map.of("version", "2022"));
    }
}
