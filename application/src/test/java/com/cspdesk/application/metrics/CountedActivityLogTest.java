package com.cspdesk.application.metrics;

import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.metrics.port.out.BusinessMetrics;
import com.cspdesk.application.metrics.port.out.BusinessMetrics.LockOut;
import com.cspdesk.application.metrics.port.out.BusinessMetrics.SignInFailure;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.domain.activity.ActivityEntry;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

class CountedActivityLogTest {

    private static final Instant AT = Instant.parse("2026-12-04T09:00:00Z");

    private final ActivityLog records = mock(ActivityLog.class);
    private final BusinessMetrics metrics = mock(BusinessMetrics.class);
    private final Transactions transactions = mock(Transactions.class);
    private final CountedActivityLog log = new CountedActivityLog(records, metrics, transactions);

    @Test
    void aRecordIsCountedOnlyWhenItsUnitOfWorkCommitsNotWhenItIsAppended() {
        ActivityEntry placed = entry("create_order", ActivityEntry.SUCCEEDED, "order", Map.of());

        log.append(placed);

        verify(records).append(placed);
        verifyNoInteractions(metrics);
        commit();
        verify(metrics).orderPlaced();
    }

    @Test
    void aRecordThatCouldNotBeAppendedRegistersNothingToCount() {
        ActivityEntry placed = entry("create_order", ActivityEntry.SUCCEEDED, "order", Map.of());
        doThrow(new IllegalStateException("chain locked")).when(records).append(placed);

        assertThatThrownBy(() -> log.append(placed)).isInstanceOf(IllegalStateException.class);

        verify(transactions, never()).afterCommit(any());
    }

    @Test
    void eachCountedRecordCountsWhatItSays() {
        log.append(entry("cancel_order", ActivityEntry.SUCCEEDED, "order", Map.of("orderId", "o-1", "lineItems", "1,3")));
        log.append(entry("issue_credit", ActivityEntry.SUCCEEDED, "credit", Map.of("orderId", "o-1")));
        log.append(entry("get_software_key", ActivityEntry.SUCCEEDED, "software_key", Map.of()));
        log.append(entry("download_software", ActivityEntry.SUCCEEDED, "software_download",
                Map.of("linkId", "l-1", "bytes", "4096")));
        log.append(entry("download_software", ActivityEntry.SUCCEEDED, "software_download",
                Map.of("linkId", "l-1", "bytes", "100", "range", "0-99/4096")));
        commit();

        verify(metrics).orderCancelled(2);
        verify(metrics).creditNoteIssued();
        verify(metrics).productKeyFetched();
        verify(metrics).downloadSent(false, 4096);
        verify(metrics).downloadSent(true, 100);
    }

    @Test
    void aFailedSignInIsCountedByWhatWasWrongAndALockOutByWhatItHoldsBack() {
        log.append(entry("sign_in", ActivityEntry.FAILED, "user", Map.of()));
        log.append(entry("sign_in", ActivityEntry.FAILED, "user", Map.of("detail", "mfa")));
        log.append(entry("sign_in", ActivityEntry.FAILED, "application", Map.of()));
        log.append(entry("sign_in_locked_out", ActivityEntry.FAILED, "user", Map.of("scope", "account")));
        log.append(entry("sign_in_locked_out", ActivityEntry.FAILED, "client_address", Map.of("scope", "address")));
        commit();

        verify(metrics).signInFailed(SignInFailure.PASSWORD);
        verify(metrics).signInFailed(SignInFailure.SECOND_FACTOR);
        verify(metrics).signInFailed(SignInFailure.CLIENT_SECRET);
        verify(metrics).signInLockedOut(LockOut.ACCOUNT);
        verify(metrics).signInLockedOut(LockOut.ADDRESS);
    }

    @Test
    void recordsNoCounterIsAboutAndFailedBusinessActsCountNothing() {
        log.append(entry("add_customer", ActivityEntry.SUCCEEDED, "customer", Map.of()));
        log.append(entry("create_order", ActivityEntry.FAILED, "order", Map.of()));
        log.append(entry("a_kind_no_catalogue_names", ActivityEntry.SUCCEEDED, "order", Map.of()));

        verify(transactions, never()).afterCommit(any());
        verifyNoInteractions(metrics);
    }

    /** What the adapter does when the unit commits: runs what was registered. */
    private void commit() {
        ArgumentCaptor<Runnable> registered = ArgumentCaptor.forClass(Runnable.class);
        verify(transactions, org.mockito.Mockito.atLeastOnce()).afterCommit(registered.capture());
        List<Runnable> actions = registered.getAllValues();
        actions.forEach(Runnable::run);
    }

    private static ActivityEntry entry(String operation, String status, String resource, Map<String, String> data) {
        return new ActivityEntry(AT, operation, status, "admin.agent@partner.demo", null, "t-1", "Contoso", resource, "r-1",
                new LinkedHashMap<>(data));
    }
}
