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
