package com.cspdesk.contracts;

import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.activity.port.out.ActivityRecords;
import com.cspdesk.application.activity.port.out.ActivityRecords.Criteria;
import com.cspdesk.application.activity.port.out.ActivityRecords.Cursor;
import com.cspdesk.application.activity.port.out.ActivityRecords.Stored;
import com.cspdesk.domain.activity.ActivityChain;
import com.cspdesk.domain.activity.ActivityChain.BrokenLink;
import com.cspdesk.domain.activity.ActivityChain.ChainedEntry;
import com.cspdesk.domain.activity.ActivityEntry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.LongStream;

import static com.cspdesk.contracts.SampleActivity.entry;
import static com.cspdesk.contracts.SampleOrders.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link ActivityRecords} must do, with records written through the adapter's own
 * {@link ActivityLog}: keyset pages newest first and exports oldest first over a date range
 * (from inclusive, to exclusive), filters that ignore case and take wildcards literally (equals with
 * several values matching any of them), chains in
 * sequence order a part at a time, and a changed or deleted record found by verification. The test
 * methods may share one store: each writes into an hour of its own, so its criteria see only its
 * rows.
 */
public abstract class ActivityRecordsContract extends PortContract {

    private static final Comparator<Stored> NEWEST_FIRST = Comparator
            .comparing((Stored s) -> s.entry().operationDate()).thenComparing(Stored::id).reversed();

    /** Changes a stored record's user behind the adapter's back, as someone with access to the store could. */
    protected abstract void changeUserPrincipalName(String recordId, String userPrincipalName);

    /** Deletes a stored record behind the adapter's back. */
    protected abstract void deleteRecord(String recordId);

    @Test
    void pagesComeNewestFirstAcrossPagesWithoutDuplicatesOrGaps() {
        Instant base = Instant.parse("2026-01-10T08:00:00.000001Z");
        String contoso = tenant();
        String fabrikam = tenant();
        List<ActivityEntry> written = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            // Groups of three in the same microsecond: the id decides among them.
            Instant at = base.plus(Duration.ofMinutes(i / 3)).plusNanos((i / 3) * 1_000L);
            String customer = i % 3 == 0 ? contoso : i % 3 == 1 ? fabrikam : null;
            written.add(entry(at, "get_software_key", customer, customer == null ? null : "Contoso " + i, "software_key", i));
        }
        written.forEach(port(ActivityLog.class)::append);
        Criteria all = new Criteria(base, base.plus(Duration.ofHours(1)), Optional.empty(), Optional.empty(), false);

        List<Stored> paged = pageThrough(all, 5);

        assertThat(paged).hasSize(23);
        assertThat(paged.stream().map(Stored::id).distinct()).hasSize(23);
        assertThat(paged).isSortedAccordingTo(NEWEST_FIRST);
        assertThat(paged).extracting(Stored::entry).containsExactlyInAnyOrderElementsOf(written);
        assertThat(port(ActivityRecords.class).page(all, Optional.empty(), 100)).containsExactlyElementsOf(paged);
        assertThat(port(ActivityRecords.class).count(all)).isEqualTo(23);
        // Every page size gives the same sequence, even pages that end inside a group of equal dates.
        for (int size : new int[]{1, 2, 3, 4, 7, 22, 23, 24}) {
            assertThat(pageThrough(all, size)).as("pages of %d", size).containsExactlyElementsOf(paged);
        }
    }

    @Test
    void theExportReadsOldestFirstTheExactReverseOfThePages() {
        Instant base = Instant.parse("2026-01-11T08:00:00Z");
        for (int i = 0; i < 17; i++) {
            port(ActivityLog.class).append(entry(base.plusSeconds(i / 2), "download_software", tenant(), "Contoso",
                    "software_download_link", i));
        }
        Criteria all = new Criteria(base, base.plus(Duration.ofHours(1)), Optional.empty(), Optional.empty(), false);

        List<Stored> exported = new ArrayList<>();
        Optional<Cursor> after = Optional.empty();
        while (true) {
            List<Stored> batch = port(ActivityRecords.class).ascending(all, after, 4);
            exported.addAll(batch);
            if (batch.size() < 4) {
                break;
            }
            Stored last = batch.get(batch.size() - 1);
            after = Optional.of(new Cursor(last.entry().operationDate(), last.id()));
        }

        List<Stored> newestFirst = new ArrayList<>(port(ActivityRecords.class).page(all, Optional.empty(), 100));
        assertThat(newestFirst).hasSize(17);
        java.util.Collections.reverse(newestFirst);
        assertThat(exported).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void fromIsInclusiveAndToExclusiveToTheMicrosecond() {
        Instant from = Instant.parse("2026-01-12T00:00:00Z");
        Instant to = Instant.parse("2026-01-13T00:00:00Z");
        String tenant = tenant();
        Instant justBefore = from.minusNanos(1_000);
        Instant lastInside = to.minusNanos(1_000);
        for (Instant at : List.of(justBefore, from, lastInside, to)) {
            port(ActivityLog.class).append(entry(at, "create_order", tenant, "Contoso", "order", 1));
        }
        Criteria range = new Criteria(from, to, Optional.empty(), Optional.empty(), false);

        assertThat(port(ActivityRecords.class).page(range, Optional.empty(), 10)).extracting(s -> s.entry().operationDate())
                .containsExactly(lastInside, from);
        assertThat(port(ActivityRecords.class).ascending(range, Optional.empty(), 10)).extracting(s -> s.entry().operationDate())
                .containsExactly(from, lastInside);
        assertThat(port(ActivityRecords.class).count(range)).isEqualTo(2);
        Criteria filtered = new Criteria(from, to, Optional.of("customerId"), Optional.of(tenant), false);
        assertThat(port(ActivityRecords.class).page(filtered, Optional.empty(), 10)).hasSize(2);
        assertThat(port(ActivityRecords.class).count(filtered)).isEqualTo(2);
        Stored newest = port(ActivityRecords.class).page(range, Optional.empty(), 1).get(0);
        assertThat(port(ActivityRecords.class).page(range, Optional.of(new Cursor(newest.entry().operationDate(),
                newest.id())), 10))
                .extracting(s -> s.entry().operationDate()).containsExactly(from);
    }

    @Test
    void eachFilterFieldMatchesEqualsAndSubstringWhateverTheCase() {
        Instant base = Instant.parse("2026-01-14T08:00:00Z");
        String contoso = tenant();
        String fabrikam = tenant();
        ActivityEntry contosoKey = entry(base, "get_software_key", contoso, "Contoso Kft.", "software_key", 1);
        ActivityEntry contosoOrder = entry(base.plusSeconds(1), "Create_Order", contoso, "Contoso Kft.", "Order", 2);
        ActivityEntry fabrikamLink = entry(base.plusSeconds(2), "get_software_download_link", fabrikam, "FABRIKAM AB",
                "software_download_link", 3);
        ActivityEntry partner = entry(base.plusSeconds(3), "create_customer", null, null, "customer", 4);
        List.of(contosoKey, contosoOrder, fabrikamLink, partner).forEach(port(ActivityLog.class)::append);

        assertFilter(base, "customerId", contoso.toUpperCase(Locale.ROOT), false, contosoOrder, contosoKey);
        assertFilter(base, "customerId", contoso.substring(9, 23).toUpperCase(Locale.ROOT), true, contosoOrder, contosoKey);
        assertFilter(base, "customerId", contoso.substring(0, 30), false);
        assertFilter(base, "companyName", "contoso KFT.", false, contosoOrder, contosoKey);
        assertFilter(base, "companyName", "Fabrikam ab", false, fabrikamLink);
        assertFilter(base, "companyName", "Contoso", false);
        assertFilter(base, "companyName", "OSO k", true, contosoOrder, contosoKey);
        assertFilter(base, "companyName", "bRiK", true, fabrikamLink);
        assertFilter(base, "resourceKind", "ORDER", false, contosoOrder);
        assertFilter(base, "resourceKind", "Software_Key", false, contosoKey);
        assertFilter(base, "resourceKind", "SOFTWARE", true, fabrikamLink, contosoKey);
        assertFilter(base, "resourceKind", "software", false);
        assertFilter(base, "operationKind", "create_order", false, contosoOrder);
        assertFilter(base, "operationKind", "GET_SOFTWARE_KEY", false, contosoKey);
        assertFilter(base, "operationKind", "Create_", true, partner, contosoOrder);
        assertFilter(base, "operationKind", "nothing like it", true);
    }

    /**
     * Equals with several values matches any of them (a Partner Center type names several of our
     * kinds: {@code undefined} is a sign-in, a credit, a download, …): pages newest first without
     * duplicates or gaps whatever their size, exports the exact reverse, counts the same rows.
     */
    @Test
    void anEqualsFilterOnSeveralValuesMatchesAnyOfThemAndPagesInOrder() {
        Instant base = Instant.parse("2026-01-23T08:00:00.000001Z");
        String[][] kinds = {{"cancel_order", "order"}, {"issue_credit", "credit"}, {"sign_in", "user"},
                {"get_software_key", "software_key"}, {"download_software", "software_download"}};
        List<ActivityEntry> written = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            // Groups of three in the same microsecond: the id decides among them, across kinds too.
            Instant at = base.plus(Duration.ofMinutes(i / 3));
            String[] kind = kinds[i % kinds.length];
            written.add(entry(at, kind[0], i % 2 == 0 ? tenant() : null, "Contoso", kind[1], i));
        }
        written.forEach(port(ActivityLog.class)::append);
        Instant end = base.plus(Duration.ofHours(1));
        Criteria undefinedKinds = new Criteria(base, end, Optional.of("operationKind"),
                List.of("issue_credit", "SIGN_IN", "download_software", "sign_in", "no_such_kind"), false);
        List<ActivityEntry> expected = written.stream()
                .filter(e -> List.of("issue_credit", "sign_in", "download_software").contains(e.operationType())).toList();

        List<Stored> paged = pageThrough(undefinedKinds, 50);

        assertThat(paged).extracting(Stored::entry).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(paged).isSortedAccordingTo(NEWEST_FIRST);
        assertThat(port(ActivityRecords.class).count(undefinedKinds)).isEqualTo(expected.size());
        for (int size : new int[]{1, 2, 3, 4, 14, 15, 16}) {
            assertThat(pageThrough(undefinedKinds, size)).as("pages of %d", size).containsExactlyElementsOf(paged);
        }
        List<Stored> exported = port(ActivityRecords.class).ascending(undefinedKinds, Optional.empty(), 100);
        List<Stored> reversed = new ArrayList<>(paged);
        java.util.Collections.reverse(reversed);
        assertThat(exported).containsExactlyElementsOf(reversed);
        Stored third = exported.get(2);
        assertThat(port(ActivityRecords.class).ascending(undefinedKinds,
                Optional.of(new Cursor(third.entry().operationDate(), third.id())), 4))
                .containsExactlyElementsOf(exported.subList(3, 7));

        Criteria orderOrKey = new Criteria(base, end, Optional.of("resourceKind"), List.of("ORDER", "software_key"), false);
        assertThat(port(ActivityRecords.class).page(orderOrKey, Optional.empty(), 100)).extracting(Stored::entry)
                .allSatisfy(e -> assertThat(e.resourceType()).isIn("order", "software_key")).hasSize(10);
        assertThat(port(ActivityRecords.class).count(orderOrKey)).isEqualTo(10);
        assertThatThrownBy(() -> port(ActivityRecords.class).page(new Criteria(base, end, Optional.of("operationKind"),
                List.of("sign", "credit"), true), Optional.empty(), 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> port(ActivityRecords.class).count(new Criteria(base, end, Optional.of("operationKind"),
                List.of(), false))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyConditionMustMatchTheUserAmongThemWhicheverFieldIsRead() {
        Instant base = Instant.parse("2026-01-24T08:00:00Z");
        Instant end = base.plus(Duration.ofHours(1));
        String contoso = tenant();
        String fabrikam = tenant();
        List<ActivityEntry> written = List.of(
                byUser(entry(base, "get_software_key", contoso, "Contoso", "software_key", 1), "Ann@Partner.demo"),
                byUser(entry(base.plusSeconds(1), "get_software_key", contoso, "Contoso", "software_key", 2), "bob@partner.demo"),
                byUser(entry(base.plusSeconds(2), "create_order", contoso, "Contoso", "order", 3), "ann@partner.demo"),
                byUser(entry(base.plusSeconds(3), "get_software_key", fabrikam, "Fabrikam", "software_key", 4), "ann@partner.demo"));
        written.forEach(port(ActivityLog.class)::append);
        ActivityRecords.Condition ann = new ActivityRecords.Condition("userPrincipalName", List.of("ANN@partner.demo"), false);
        ActivityRecords.Condition keys = new ActivityRecords.Condition("operationKind", List.of("get_software_key"), false);

        Criteria contosoKeysByAnn = new Criteria(base, end, Optional.of("customerId"), List.of(contoso), false, List.of(keys, ann));
        assertThat(port(ActivityRecords.class).page(contosoKeysByAnn, Optional.empty(), 10)).extracting(Stored::entry)
                .containsExactly(written.get(0));
        assertThat(port(ActivityRecords.class).count(contosoKeysByAnn)).isEqualTo(1);
        Criteria byAnn = new Criteria(base, end, Optional.of("userPrincipalName"), List.of("ann@partner.demo"), false);
        assertThat(port(ActivityRecords.class).ascending(byAnn, Optional.empty(), 10)).extracting(Stored::entry)
                .containsExactly(written.get(0), written.get(2), written.get(3));
        // Several kinds (read one kind at a time, merged) with the user beside them.
        Criteria annsKeysOrOrders = new Criteria(base, end, Optional.of("operationKind"), List.of("get_software_key", "create_order"),
                false, List.of(ann));
        assertThat(port(ActivityRecords.class).page(annsKeysOrOrders, Optional.empty(), 10)).extracting(Stored::entry)
                .containsExactly(written.get(3), written.get(2), written.get(0));
        assertThat(port(ActivityRecords.class).count(annsKeysOrOrders)).isEqualTo(3);
        Criteria bobAtFabrikam = new Criteria(base, end, Optional.of("customerId"), List.of(fabrikam), false,
                List.of(new ActivityRecords.Condition("userPrincipalName", List.of("bob"), true)));
        assertThat(port(ActivityRecords.class).page(bobAtFabrikam, Optional.empty(), 10)).isEmpty();
    }

    private static ActivityEntry byUser(ActivityEntry e, String user) {
        return new ActivityEntry(e.operationDate(), e.operationType(), e.operationStatus(), user, e.applicationId(), e.customerId(),
                e.customerName(), e.resourceType(), e.resourceId(), e.customizedData());
    }

    @Test
    void percentUnderscoreAndTheEscapeCharacterMatchLiterally() {
        Instant base = Instant.parse("2026-01-15T08:00:00Z");
        ActivityEntry percent = entry(base, "create_order", tenant(), "50% Off_Outlet", "order", 1);
        ActivityEntry noPercent = entry(base.plusSeconds(1), "create_order", tenant(), "500 OffXOutlet", "order", 2);
        ActivityEntry bang = entry(base.plusSeconds(2), "create_order", tenant(), "Yes! Shop", "order", 3);
        ActivityEntry noBang = entry(base.plusSeconds(3), "create_order", tenant(), "Yes Shop", "order", 4);
        List.of(percent, noPercent, bang, noBang).forEach(port(ActivityLog.class)::append);

        assertFilter(base, "companyName", "0%", true, percent);
        assertFilter(base, "companyName", "%", true, percent);
        assertFilter(base, "companyName", "f_o", true, percent);
        assertFilter(base, "companyName", "_", true, percent);
        assertFilter(base, "companyName", "50% off_outlet", false, percent);
        assertFilter(base, "companyName", "50_ Off%Outlet", false);
        assertFilter(base, "companyName", "!", true, bang);
        assertFilter(base, "companyName", "s! s", true, bang);
        assertFilter(base, "companyName", "yes!%", true);
        assertFilter(base, "companyName", "YES! SHOP", false, bang);
        assertFilter(base, "resourceKind", "%", true);
        assertFilter(base, "operationKind", "e_o", true, noBang, bang, noPercent, percent);
        assertFilter(base, "operationKind", "e%o", true);
    }

    @Test
    void aFilteredListPagesWithoutDuplicatesOrGaps() {
        Instant base = Instant.parse("2026-01-16T08:00:00Z");
        String contoso = tenant();
        for (int i = 0; i < 30; i++) {
            String customer = i % 2 == 0 ? contoso : tenant();
            port(ActivityLog.class).append(entry(base.plusSeconds(i / 4), "get_software_key", customer,
                    i % 2 == 0 ? "Contoso" : "Other",
                    "software_key", i));
        }
        Criteria byName = new Criteria(base, base.plus(Duration.ofHours(1)), Optional.of("companyName"),
                Optional.of("CONTOSO"), false);
        Criteria byId = new Criteria(base, base.plus(Duration.ofHours(1)), Optional.of("customerId"),
                Optional.of(contoso), false);
        Criteria bySubstring = new Criteria(base, base.plus(Duration.ofHours(1)), Optional.of("companyName"),
                Optional.of("ntos"), true);

        for (Criteria criteria : List.of(byName, byId, bySubstring)) {
            List<Stored> paged = pageThrough(criteria, 4);
            assertThat(paged).hasSize(15);
            assertThat(paged.stream().map(Stored::id).distinct()).hasSize(15);
            assertThat(paged).isSortedAccordingTo(NEWEST_FIRST);
            assertThat(paged).allSatisfy(s -> assertThat(s.entry().customerId()).isEqualTo(contoso));
            assertThat(port(ActivityRecords.class).count(criteria)).isEqualTo(15);
        }
    }

    @Test
    void everyFieldAndTheOrderOfCustomizedDataComeBack() {
        Instant at = Instant.parse("2026-01-17T08:00:00.123456Z");
        Map<String, String> data = new LinkedHashMap<>();
        data.put("zeta", "first");
        data.put("alpha", "quote \" backslash \\ newline \n ünïcödé 😀");
        data.put("missing", null);
        data.put("empty", "");
        ActivityEntry entry = new ActivityEntry(at, "get_software_key", ActivityEntry.SUCCEEDED,
                "admin.agent@partner.demo", "app-7", tenant(), "Contoso Kft.", "software_key", "key-1", data);
        port(ActivityLog.class).append(entry);
        Criteria range = new Criteria(at, at.plusNanos(1_000), Optional.empty(), Optional.empty(), false);

        Stored stored = port(ActivityRecords.class).page(range, Optional.empty(), 10).get(0);

        assertThat(stored.entry()).isEqualTo(entry);
        assertThat(new ArrayList<>(stored.entry().customizedData().entrySet()))
                .containsExactlyElementsOf(new ArrayList<>(data.entrySet()));
        assertThat(port(ActivityRecords.class).ascending(range, Optional.empty(), 10)).containsExactly(stored);
    }

    @Test
    void aChainIsReadInSequenceOrderAPartAtATime() {
        Instant base = Instant.parse("2026-01-18T08:00:00Z");
        String contoso = tenant();
        String fabrikam = tenant();
        List<ActivityEntry> contosos = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            // Dates not in sequence order: the chain is ordered by sequence, not by date.
            ActivityEntry e = entry(base.minusSeconds(i), "get_software_key", contoso, "Contoso", "software_key", i);
            contosos.add(e);
            port(ActivityLog.class).append(e);
            port(ActivityLog.class).append(entry(base.plusSeconds(i), "create_order", fabrikam, "Fabrikam", "order", i));
        }
        port(ActivityLog.class).append(entry(base, "create_customer", null, null, "customer", 1));

        assertThat(port(ActivityRecords.class).chainKeys()).contains(contoso, fabrikam, ActivityChain.PARTNER_CHAIN)
                .isSortedAccordingTo(Comparator.naturalOrder()).doesNotHaveDuplicates();
        List<ChainedEntry> whole = port(ActivityRecords.class).chain(contoso, 0, 100);
        assertThat(whole).extracting(ChainedEntry::entry).containsExactlyElementsOf(contosos);
        assertThat(whole).extracting(ChainedEntry::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 7).boxed().toList());
        assertThat(whole.get(0).previousHash()).isEqualTo(ActivityChain.GENESIS);
        assertThat(ActivityChain.firstBrokenLink(whole)).isEmpty();

        List<ChainedEntry> part = port(ActivityRecords.class).chain(contoso, 2, 3);
        assertThat(part).containsExactlyElementsOf(whole.subList(2, 5));
        assertThat(ActivityChain.firstBrokenLink(whole.get(1).hash(), 3, part)).isEmpty();
        assertThat(port(ActivityRecords.class).chain(contoso, 7, 10)).isEmpty();
        assertThat(port(ActivityRecords.class).chain("no such chain", 0, 10)).isEmpty();
        assertThat(port(ActivityRecords.class).chain(contoso, 0, 0)).isEmpty();
        assertThat(ActivityChain.firstBrokenLink(port(ActivityRecords.class).chain(fabrikam, 0, 100))).isEmpty();
        assertThat(port(ActivityRecords.class).chain(ActivityChain.PARTNER_CHAIN, 0, 100))
                .allSatisfy(e -> assertThat(e.entry().customerId()).isNull());
    }

    @Test
    void anEditedRowIsExactlyTheOneTheChainReadBackReports() {
        Instant base = Instant.parse("2026-01-19T08:00:00Z");
        String tenant = tenant();
        for (int i = 1; i <= 6; i++) {
            port(ActivityLog.class).append(entry(base.plusSeconds(i), "get_software_download_link", tenant, "Contoso",
                    "software_download_link", i));
        }
        ChainedEntry third = port(ActivityRecords.class).chain(tenant, 0, 100).get(2);

        changeUserPrincipalName(third.id(), "someone.else@partner.demo");

        List<ChainedEntry> chain = port(ActivityRecords.class).chain(tenant, 0, 100);
        assertThat(chain.get(2).entry().userPrincipalName()).isEqualTo("someone.else@partner.demo");
        assertThat(ActivityChain.firstBrokenLink(chain)).contains(new BrokenLink(third.id(), 3, "content_changed"));
        assertThat(chain.stream()
                .filter(e -> !ActivityChain.hash(e.previousHash(), e.sequence(), e.entry()).equals(e.hash()))
                .map(ChainedEntry::id)).containsExactly(third.id());
        // Checked a part at a time (as the verification does), the break is found in the part that holds it.
        List<ChainedEntry> first = port(ActivityRecords.class).chain(tenant, 0, 2);
        assertThat(ActivityChain.firstBrokenLink(first)).isEmpty();
        assertThat(ActivityChain.firstBrokenLink(first.get(1).hash(), 3, port(ActivityRecords.class).chain(tenant, 2, 2)))
                .contains(new BrokenLink(third.id(), 3, "content_changed"));
    }

    @Test
    void aDeletedRecordBreaksTheChainAtTheGap() {
        Instant base = Instant.parse("2026-01-22T08:00:00Z");
        String tenant = tenant();
        for (int i = 1; i <= 3; i++) {
            port(ActivityLog.class).append(entry(base.plusSeconds(i), "get_software_key", tenant, "Contoso", "software_key", i));
        }
        ChainedEntry second = port(ActivityRecords.class).chain(tenant, 0, 100).get(1);

        deleteRecord(second.id());

        Optional<BrokenLink> broken = ActivityChain.firstBrokenLink(port(ActivityRecords.class).chain(tenant, 0, 100));
        assertThat(broken).map(BrokenLink::reason).contains("sequence_gap");
        assertThat(broken).map(BrokenLink::sequence).contains(3L);
    }

    @Test
    void anUnknownFilterFieldIsRefusedAndNoRowsAreAskedForNothing() {
        Instant base = Instant.parse("2026-01-21T08:00:00Z");
        port(ActivityLog.class).append(entry(base, "create_order", tenant(), "Contoso", "order", 1));
        Criteria range = new Criteria(base, base.plusSeconds(1), Optional.empty(), Optional.empty(), false);

        assertThat(port(ActivityRecords.class).page(range, Optional.empty(), 0)).isEmpty();
        assertThat(port(ActivityRecords.class).ascending(range, Optional.empty(), 0)).isEmpty();
        assertThat(port(ActivityRecords.class).page(range, Optional.empty(), 1)).hasSize(1);
        assertThatThrownBy(() -> port(ActivityRecords.class).page(new Criteria(base, base.plusSeconds(1),
                Optional.of("customizedData"),
                Optional.of("x"), false), Optional.empty(), 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> port(ActivityRecords.class).page(new Criteria(base, base.plusSeconds(1), Optional.empty(), List.of(),
                false, List.of(new ActivityRecords.Condition("hash", List.of("x"), false))), Optional.empty(), 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> port(ActivityRecords.class).count(new Criteria(base, base.plusSeconds(1),
                Optional.of("companyName"),
                Optional.empty(), false))).isInstanceOf(IllegalArgumentException.class);
    }

    private void assertFilter(Instant base, String field, String value, boolean substring, ActivityEntry... newestFirst) {
        Criteria criteria = new Criteria(base, base.plus(Duration.ofHours(1)), Optional.of(field), Optional.of(value), substring);
        String what = field + (substring ? " contains " : " equals ") + value;
        assertThat(port(ActivityRecords.class).page(criteria, Optional.empty(), 50)).as(what).extracting(Stored::entry)
                .containsExactly(newestFirst);
        assertThat(port(ActivityRecords.class).count(criteria)).as(what).isEqualTo(newestFirst.length);
        ActivityRecords.Counted counted = port(ActivityRecords.class).pageAndCount(criteria, Optional.empty(), 1);
        assertThat(counted.rows()).as(what + ", read with its count").extracting(Stored::entry)
                .containsExactlyElementsOf(List.of(newestFirst).subList(0, Math.min(1, newestFirst.length)));
        assertThat(counted.total()).as(what + ", read with its count").isEqualTo(newestFirst.length);
        List<ActivityEntry> oldestFirst = new ArrayList<>(List.of(newestFirst));
        java.util.Collections.reverse(oldestFirst);
        assertThat(port(ActivityRecords.class).ascending(criteria, Optional.empty(), 50)).as(what).extracting(Stored::entry)
                .containsExactlyElementsOf(oldestFirst);
    }

    private List<Stored> pageThrough(Criteria criteria, int size) {
        List<Stored> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Optional<Cursor> after = Optional.empty();
        for (int pages = 0; pages < 1000; pages++) {
            // As the application does: one more than the page to know whether another follows.
            List<Stored> rows = port(ActivityRecords.class).page(criteria, after, size + 1);
            List<Stored> shown = rows.size() > size ? rows.subList(0, size) : rows;
            shown.forEach(s -> assertThat(seen.add(s.id())).as("seen twice: %s", s.id()).isTrue());
            all.addAll(shown);
            if (rows.size() <= size) {
                return all;
            }
            Stored last = shown.get(shown.size() - 1);
            after = Optional.of(new Cursor(last.entry().operationDate(), last.id()));
        }
        throw new AssertionError("paging did not end");
    }
}
