package com.cspdesk.application.activity;

import com.cspdesk.application.TestActors;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.identity.Role;
import static org.mockito.Mockito.verifyNoInteractions;
import com.cspdesk.application.activity.port.in.ActivityQuery;
import com.cspdesk.application.activity.port.in.ActivityRecordView;
import com.cspdesk.application.activity.port.in.QueryActivityLog;
import com.cspdesk.application.activity.port.in.VerifyActivityLog;
import com.cspdesk.application.activity.port.out.ActivityRecords;
import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.domain.activity.ActivityChain;
import com.cspdesk.domain.activity.ActivityEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ActivityLogReadingTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    private final ActivityRecords records = mock(ActivityRecords.class);
    private final ActivityLogReading reading = new ActivityLogReading(records, Clock.fixed(NOW, ZoneOffset.UTC));
    private static final Actor AUDITOR = TestActors.holding(Role.REFERRAL_ADMIN);

    @BeforeEach
    void pageAndCountAreThePortsOwnReads() {
        // The port's default reads both through page and count, which each test stubs.
        when(records.pageAndCount(any(), any(), anyInt())).thenCallRealMethod();
    }

    @Test
    void theDefaultRangeIsTheLastThirtyDays() {
        when(records.page(any(), any(), anyInt())).thenReturn(List.of());
        reading.query(query(Optional.empty(), Optional.empty(), Optional.empty()), AUDITOR);
        verify(records).page(eq(new ActivityRecords.Criteria(NOW.minus(Duration.ofDays(30)), NOW, Optional.empty(),
                Optional.empty(), false)), eq(Optional.empty()), eq(51));
    }

    @Test
    void aStartMoreThanNinetyDaysBackIsRefusedAndNinetyIsNot() {
        assertThat(reading.query(query(Optional.of(NOW.minus(Duration.ofDays(90)).minusSeconds(1)), Optional.empty(), Optional.empty()), AUDITOR))
                .isEqualTo(new QueryActivityLog.Refused("start_date_too_old", "startDate"));
        when(records.page(any(), any(), anyInt())).thenReturn(List.of());
        assertThat(reading.query(query(Optional.of(NOW.minus(Duration.ofDays(90))), Optional.empty(), Optional.empty()), AUDITOR))
                .isInstanceOf(QueryActivityLog.Found.class);
        assertThat(reading.query(query(Optional.of(NOW.minusSeconds(10)), Optional.of(NOW.minusSeconds(20)), Optional.empty()), AUDITOR))
                .isEqualTo(new QueryActivityLog.Refused("date_range_invalid", "endDate"));
    }

    @Test
    void filtersArePartnerCentersFieldsAndOperators() {
        when(records.page(any(), any(), anyInt())).thenReturn(List.of());
        reading.query(query(Optional.empty(), Optional.empty(), Optional.of(new ActivityQuery.Filter("CompanyName", " Conto ", "substring"))), AUDITOR);
        verify(records).page(eq(new ActivityRecords.Criteria(NOW.minus(Duration.ofDays(30)), NOW, Optional.of("companyName"),
                Optional.of("Conto"), true)), any(), anyInt());
        for (ActivityQuery.Filter bad : List.of(new ActivityQuery.Filter("Password", "x", "equals"),
                new ActivityQuery.Filter("CustomerId", "x", "like"), new ActivityQuery.Filter("CustomerId", " ", "equals"))) {
            assertThat(reading.query(query(Optional.empty(), Optional.empty(), Optional.of(bad)), AUDITOR))
                    .isEqualTo(new QueryActivityLog.Refused("filter_invalid", "filter"));
        }
    }

    /** Issue #17: the dashboard's kind, user and customer at once: every one must match; the user's name (no index) is read last. */
    @Test
    void severalFiltersOnDifferentFieldsMustAllMatch() {
        when(records.page(any(), any(), anyInt())).thenReturn(List.of());
        Instant start = NOW.minus(Duration.ofDays(30));
        reading.query(new ActivityQuery(Optional.empty(), Optional.empty(), List.of(
                new ActivityQuery.Filter("UserPrincipalName", " ann@partner.demo ", "equals"),
                new ActivityQuery.Filter("OperationKind", "cancel_order", "equals"),
                new ActivityQuery.Filter("CustomerId", "t1", "equals")), PageRequest.first(50)), AUDITOR);
        verify(records).page(eq(new ActivityRecords.Criteria(start, NOW, Optional.of("operationKind"), List.of("cancel_order"), false,
                List.of(new ActivityRecords.Condition("customerId", List.of("t1"), false),
                        new ActivityRecords.Condition("userPrincipalName", List.of("ann@partner.demo"), false)))), any(), anyInt());
        // Partner Center's type beside a user: the kinds it names, and the user.
        reading.query(new ActivityQuery(Optional.empty(), Optional.empty(), List.of(
                new ActivityQuery.Filter("OperationType", "update_order", "equals"),
                new ActivityQuery.Filter("userprincipalname", "ann", "substring")), PageRequest.first(50)), AUDITOR);
        verify(records).page(eq(new ActivityRecords.Criteria(start, NOW, Optional.of("operationKind"),
                List.of("cancel_order", "change_reservation_scope"), false,
                List.of(new ActivityRecords.Condition("userPrincipalName", List.of("ann"), true)))), any(), anyInt());
        // The same field twice is no filter.
        assertThat(reading.query(new ActivityQuery(Optional.empty(), Optional.empty(), List.of(
                new ActivityQuery.Filter("CustomerId", "t1", "equals"), new ActivityQuery.Filter("customerid", "t2", "equals")),
                PageRequest.first(50)), AUDITOR)).isEqualTo(new QueryActivityLog.Refused("filter_invalid", "filter"));
    }

    /**
     * No customer's user may read the log today (the table grants it to partner roles only); should one ever,
     * it reads its own tenant's records: a filter on another customer then finds nothing.
     */
    @Test
    void aCustomersUserWouldReadItsOwnTenantOnly() {
        when(records.page(any(), any(), anyInt())).thenReturn(List.of());
        Actor tenantBound = new Actor("it.admin@contoso.example", java.util.Set.of(Role.GLOBAL_ADMIN), Optional.of("t1"));
        Instant start = NOW.minus(Duration.ofDays(30));
        reading.query(query(Optional.empty(), Optional.empty(), Optional.of(new ActivityQuery.Filter("CustomerId", "t2", "equals"))),
                tenantBound);
        verify(records).page(eq(new ActivityRecords.Criteria(start, NOW, Optional.of("customerId"), List.of("t1"), false,
                List.of(new ActivityRecords.Condition("customerId", List.of("t2"), false)))), any(), anyInt());
        assertThat(reading.query(query(Optional.empty(), Optional.empty(), Optional.empty()), Actor.customer("admin@contoso.example", "t1")))
                .isEqualTo(new QueryActivityLog.NotPermitted(com.cspdesk.domain.access.Permission.READ_ACTIVITY_LOG));
    }

    /** PC's client filters by PC's names: an order update is every kind PC calls so; our own kind is a field of its own. */
    @Test
    void aFilterOnPartnerCentersTypeReadsEveryKindItNamesAndOurKindItself() {
        when(records.page(any(), any(), anyInt())).thenReturn(List.of());
        Instant start = NOW.minus(Duration.ofDays(30));
        reading.query(query(Optional.empty(), Optional.empty(), Optional.of(new ActivityQuery.Filter("OperationType", " UPDATE_ORDER", "equals"))), AUDITOR);
        verify(records).page(eq(new ActivityRecords.Criteria(start, NOW, Optional.of("operationKind"), List.of("cancel_order", "change_reservation_scope"), false)),
                any(), anyInt());
        reading.query(query(Optional.empty(), Optional.empty(), Optional.of(new ActivityQuery.Filter("operationtype", "update_partner_user", null))), AUDITOR);
        verify(records).page(eq(new ActivityRecords.Criteria(start, NOW, Optional.of("operationKind"),
                List.of("update_partner_user", "enrol_mfa", "reset_mfa"), false)), any(), anyInt());
        // A substring of PC's names: the kinds whose PC name contains it, matched exactly.
        reading.query(query(Optional.empty(), Optional.empty(), Optional.of(new ActivityQuery.Filter("OperationType", "_order", "substring"))), AUDITOR);
        verify(records).page(eq(new ActivityRecords.Criteria(start, NOW, Optional.of("operationKind"),
                List.of("create_order", "cancel_order", "change_reservation_scope"), false)), any(), anyInt());
        reading.query(query(Optional.empty(), Optional.empty(), Optional.of(new ActivityQuery.Filter("ResourceType", "partner_user", "equals"))), AUDITOR);
        verify(records).page(eq(new ActivityRecords.Criteria(start, NOW, Optional.of("resourceKind"), List.of("user"), false)),
                any(), anyInt());
        reading.query(query(Optional.empty(), Optional.empty(), Optional.of(new ActivityQuery.Filter("OperationKind", "Cancel_", "substring"))), AUDITOR);
        verify(records).page(eq(new ActivityRecords.Criteria(start, NOW, Optional.of("operationKind"), Optional.of("Cancel_"), true)),
                any(), anyInt());
        reading.query(query(Optional.empty(), Optional.empty(), Optional.of(new ActivityQuery.Filter("RESOURCEKIND", "credit", "equals"))), AUDITOR);
        verify(records).page(eq(new ActivityRecords.Criteria(start, NOW, Optional.of("resourceKind"), Optional.of("credit"), false)),
                any(), anyInt());
    }

    /** Our own kind as a PC type (cancel_order), or a PC type none of ours is, matches nothing: the port is not asked. */
    @Test
    void aPartnerCenterTypeThatNamesNoKindOfOursFindsNothingWithoutReading() {
        for (ActivityQuery.Filter filter : List.of(new ActivityQuery.Filter("OperationType", "cancel_order", "equals"),
                new ActivityQuery.Filter("OperationType", "create_customer_user", "equals"),
                new ActivityQuery.Filter("ResourceType", "credit", "equals"))) {
            QueryActivityLog.QueryResult result = reading.query(query(Optional.empty(), Optional.empty(), Optional.of(filter)), AUDITOR);
            assertThat(result).as(filter.toString()).isInstanceOf(QueryActivityLog.Found.class);
            assertThat(((QueryActivityLog.Found) result).page().items()).isEmpty();
            assertThat(((QueryActivityLog.Found) result).page().totalCount()).isZero();
            List<ActivityRecordView> exported = new ArrayList<>();
            assertThat(reading.forEach(query(Optional.empty(), Optional.empty(), Optional.of(filter)), AUDITOR, exported::add))
                    .isInstanceOf(QueryActivityLog.Found.class);
            assertThat(exported).isEmpty();
        }
        verifyNoInteractions(records);
    }

    /** Every record shows PC's types (in PC's lists whatever is stored) and our kinds beside them; the stored entry is untouched. */
    @Test
    void aRecordShowsPartnerCentersTypesAndOurKinds() {
        ActivityEntry cancellation = new ActivityEntry(NOW.minusSeconds(5), "cancel_order", "succeeded", "agent", null, "t1",
                "Contoso", "order", "o1", Map.of());
        ActivityEntry credit = new ActivityEntry(NOW.minusSeconds(4), "issue_credit", "succeeded", "agent", null, "t1",
                "Contoso", "credit", "c1", Map.of());
        ActivityEntry signIn = new ActivityEntry(NOW.minusSeconds(3), "sign_in", "failed", "who", null, null, null, "user",
                "who", Map.of());
        ActivityEntry unknown = new ActivityEntry(NOW.minusSeconds(2), "made_by_hand", "succeeded", "who", null, null, null,
                "thing", "x", Map.of());
        when(records.page(any(), any(), anyInt())).thenReturn(List.of(new ActivityRecords.Stored("1", cancellation),
                new ActivityRecords.Stored("2", credit), new ActivityRecords.Stored("3", signIn), new ActivityRecords.Stored("4", unknown)));
        when(records.count(any())).thenReturn(4L);

        QueryActivityLog.Found found = (QueryActivityLog.Found) reading.query(query(Optional.empty(), Optional.empty(), Optional.empty()), AUDITOR);

        assertThat(found.page().items()).extracting(ActivityRecordView::operationType, ActivityRecordView::operationKind,
                ActivityRecordView::resourceType, ActivityRecordView::resourceKind, ActivityRecordView::operationStatus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("update_order", "cancel_order", "order", "order", "succeeded"),
                        org.assertj.core.groups.Tuple.tuple("undefined", "issue_credit", "undefined", "credit", "succeeded"),
                        org.assertj.core.groups.Tuple.tuple("undefined", "sign_in", "partner_user", "user", "failed"),
                        org.assertj.core.groups.Tuple.tuple("undefined", "made_by_hand", "undefined", "thing", "succeeded"));
        assertThat(cancellation.operationType()).isEqualTo("cancel_order");
    }

    @Test
    void verificationWalksEveryChainInPagesAndNamesTheFirstBrokenRecord() {
        List<ActivityChain.ChainedEntry> good = chain(1500, -1);
        List<ActivityChain.ChainedEntry> bad = chain(3, 2);
        when(records.chainKeys()).thenReturn(List.of("a", "b"));
        when(records.chain(eq("a"), anyLong(), anyInt())).thenAnswer(call -> {
            long after = call.getArgument(1);
            int limit = call.getArgument(2);
            return good.subList((int) after, (int) Math.min(good.size(), after + limit));
        });
        when(records.chain(eq("b"), anyLong(), anyInt())).thenReturn(bad);
        when(records.head("a")).thenReturn(Optional.of(new ActivityChain.Head(1500, good.get(1499).hash())));

        VerifyActivityLog.Verification verification = TestActors.found(reading.verify(AUDITOR));

        assertThat(verification.firstBrokenLink()).contains(new VerifyActivityLog.BrokenLink("id-2", "b", 2, "content_changed"));
        assertThat(verification.recordsChecked()).isEqualTo(1503);
        verify(records, never()).page(any(), any(), anyInt());
    }

    @Test
    void verificationFindsTheNewestRecordsOfAChainDeleted() {
        List<ActivityChain.ChainedEntry> chain = chain(5, -1);
        when(records.chainKeys()).thenReturn(List.of("a"));
        when(records.chain(eq("a"), anyLong(), anyInt())).thenReturn(chain.subList(0, 3));
        when(records.head("a")).thenReturn(Optional.of(new ActivityChain.Head(5, chain.get(4).hash())));

        assertThat(TestActors.found(reading.verify(AUDITOR)).firstBrokenLink())
                .contains(new VerifyActivityLog.BrokenLink("id-3", "a", 4, "records_missing_at_end"));
    }

    @Test
    void onlyTheTablesRolesReadTheLogAndARefusalReadsNothing() {
        ActivityQuery anyRange = query(Optional.empty(), Optional.empty(), Optional.empty());
        for (Actor actor : TestActors.refused(Permission.READ_ACTIVITY_LOG)) {
            assertThat(reading.query(anyRange, actor)).isEqualTo(new QueryActivityLog.NotPermitted(Permission.READ_ACTIVITY_LOG));
            assertThat(reading.forEach(anyRange, actor, record -> { }))
                    .isEqualTo(new QueryActivityLog.NotPermitted(Permission.READ_ACTIVITY_LOG));
            assertThat(reading.verify(actor)).isEqualTo(Lookup.notPermitted(Permission.READ_ACTIVITY_LOG));
        }
        verifyNoInteractions(records);
        when(records.page(any(), any(), anyInt())).thenReturn(List.of());
        assertThat(reading.query(anyRange, TestActors.holding(Role.GLOBAL_ADMIN))).isInstanceOf(QueryActivityLog.Found.class);
    }

    @Test
    void thePartnersAdminRecordsAreReadByPartnerRolesOnlyNeverByACustomersAdmin() {
        // The partner chain (users, customers, invoice runs, the clock, sign-ins) is not filtered by
        // tenant when read: that holds because no role that reads the log is a customer's.
        assertThat(Permission.READ_ACTIVITY_LOG.roles()).isNotEmpty().noneMatch(Role::isCustomerRole);
        Actor customersAdmin = Actor.customer("it.admin@contoso.test", TestActors.CUSTOMER_TENANT);
        ActivityQuery partnerActs = query(Optional.empty(), Optional.empty(),
                Optional.of(new ActivityQuery.Filter("OperationType", "create_partner_user", "equals")));
        assertThat(reading.query(partnerActs, customersAdmin))
                .isEqualTo(new QueryActivityLog.NotPermitted(Permission.READ_ACTIVITY_LOG));
        verifyNoInteractions(records);
    }

    /** #13: a link id with the token secret rebuilds a working link, so readers who may not make links never see one. */
    @Test
    void aDownloadLinksIdIsShownOnlyToReadersWhoMayMakeLinks() {
        ActivityEntry linkMade = new ActivityEntry(NOW.minusSeconds(5), "get_software_download_link", "succeeded", "agent@partner.test",
                null, "t", "c", "software_download_link", "ent-1", Map.of("version", "2022", ActivityEntry.LINK_ID, "abcdefghijklmnopqrstuvwx"));
        ActivityEntry downloaded = new ActivityEntry(NOW.minusSeconds(4), "download_software", "succeeded", "agent@partner.test",
                null, "t", "c", "software_download", "ent-1", Map.of("bytes", "100", ActivityEntry.LINK_ID, "abcdefghijklmnopqrstuvwx"));
        List<ActivityRecords.Stored> stored = List.of(new ActivityRecords.Stored("id-1", linkMade), new ActivityRecords.Stored("id-2", downloaded));
        when(records.page(any(), any(), anyInt())).thenReturn(stored);
        when(records.ascending(any(), any(), anyInt())).thenReturn(stored);
        ActivityQuery anyRange = query(Optional.empty(), Optional.empty(), Optional.empty());
        List<Actor> readers = new ArrayList<>();
        for (Role role : Permission.READ_ACTIVITY_LOG.roles()) {
            readers.add(TestActors.holding(role));
        }
        for (Actor reader : readers) {
            assertThat(reader.may(Permission.CREATE_DOWNLOAD_LINK)).as("the table gives no reader links").isFalse();
            List<ActivityRecordView> paged = ((QueryActivityLog.Found) reading.query(anyRange, reader)).page().items();
            List<ActivityRecordView> exported = new ArrayList<>();
            reading.forEach(anyRange, reader, exported::add);
            for (ActivityRecordView view : concat(paged, exported)) {
                assertThat(view.customizedData()).as(reader.username()).doesNotContainKey(ActivityEntry.LINK_ID)
                        .doesNotContainValue("abcdefghijklmnopqrstuvwx");
                assertThat(view.customizedData()).containsAnyOf(Map.entry("version", "2022"), Map.entry("bytes", "100"));
            }
        }
        Actor readerWhoMakesLinks = Actor.partner("both@partner.test", Role.GLOBAL_ADMIN, Role.ADMIN_AGENT);
        List<ActivityRecordView> shown = ((QueryActivityLog.Found) reading.query(anyRange, readerWhoMakesLinks)).page().items();
        assertThat(shown).allSatisfy(view -> assertThat(view.customizedData()).containsEntry(ActivityEntry.LINK_ID, "abcdefghijklmnopqrstuvwx"));
    }

    private static List<ActivityRecordView> concat(List<ActivityRecordView> a, List<ActivityRecordView> b) {
        List<ActivityRecordView> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<ActivityChain.ChainedEntry> chain(int length, int tamperedSequence) {
        List<ActivityChain.ChainedEntry> chain = new ArrayList<>();
        String previous = ActivityChain.GENESIS;
        for (int i = 1; i <= length; i++) {
            ActivityEntry entry = new ActivityEntry(NOW.minusSeconds(length - i), "get_software_key", "succeeded", "u", null,
                    "t", "c", "software_key", "r" + i, Map.of());
            String hash = ActivityChain.hash(previous, i, entry);
            ActivityEntry stored = i == tamperedSequence ? new ActivityEntry(entry.operationDate(), entry.operationType(),
                    "succeeded", "mallory", null, "t", "c", "software_key", "r" + i, Map.of()) : entry;
            chain.add(new ActivityChain.ChainedEntry("id-" + i, i, previous, hash, stored));
            previous = hash;
        }
        return chain;
    }

    private static ActivityQuery query(Optional<Instant> start, Optional<Instant> end, Optional<ActivityQuery.Filter> filter) {
        return new ActivityQuery(start, end, filter, PageRequest.first(50));
    }
}
