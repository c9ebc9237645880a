package com.cspdesk.application.invoicing;

import com.cspdesk.application.TestActors;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.domain.access.Permission;
import static org.mockito.Mockito.verifyNoInteractions;
import com.cspdesk.application.invoicing.port.in.InvoiceViews.InvoiceRunView;
import com.cspdesk.application.invoicing.port.in.StartInvoiceRun;
import com.cspdesk.application.invoicing.port.out.BackgroundWork;
import com.cspdesk.application.invoicing.port.out.InvoiceRuns;
import com.cspdesk.application.invoicing.port.out.Invoices;
import com.cspdesk.application.invoicing.port.out.JobLock;
import com.cspdesk.application.metrics.port.out.BusinessMetrics;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.domain.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.domain.activity.ActivityEntry;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.mockito.ArgumentCaptor;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class MonthlyInvoicingTest {

    private static final Instant NOW = Instant.parse("2026-12-02T03:00:00Z");
    private static final Instant DECEMBER = Instant.parse("2026-12-01T00:00:00Z");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency AUD = Currency.getInstance("AUD");
    private static final Actor ADMIN = Actor.partner("global.admin@partner.example", Role.GLOBAL_ADMIN);

    private final Invoices invoices = mock(Invoices.class);
    private final InvoiceRuns runs = mock(InvoiceRuns.class);
    private final JobLock lock = mock(JobLock.class);
    private final Transactions transactions = mock(Transactions.class);
    private final ActivityLog activityLog = mock(ActivityLog.class);
    private final BusinessMetrics metrics = mock(BusinessMetrics.class);
    private final BusinessMetrics.Stopwatch timing = mock(BusinessMetrics.Stopwatch.class);
    private final BackgroundWork inline = work -> {
        work.run();
        return true;
    };
    private MonthlyInvoicing invoicing;

    @BeforeEach
    void setUp() {
        when(transactions.inTransaction(any())).thenAnswer(call -> ((Supplier<?>) call.getArgument(0)).get());
        when(metrics.invoiceRunStarted()).thenReturn(timing);
        when(lock.runExclusively(eq("monthly-invoicing"), any(), any())).thenAnswer(call -> {
            ((Runnable) call.getArgument(2)).run();
            return true;
        });
        invoicing = new MonthlyInvoicing(invoices, runs, lock, inline, activityLog, transactions, Clock.fixed(NOW, ZoneOffset.UTC), metrics);
    }

    @Test
    void aRunMakesOneInvoicePerCurrencyUpToTheMonthsEnd() {
        when(invoices.currenciesToInvoice(DECEMBER)).thenReturn(List.of(AUD, EUR));
        when(invoices.create(anyString(), eq(YearMonth.of(2026, 11)), any(), eq(DECEMBER), eq(NOW))).thenReturn(3);

        var result = invoicing.start(YearMonth.of(2026, 11), ADMIN);

        assertThat(result).isInstanceOf(StartInvoiceRun.Started.class);
        verify(invoices).create("INV-2026-11-AUD", YearMonth.of(2026, 11), AUD, DECEMBER, NOW);
        verify(invoices).create("INV-2026-11-EUR", YearMonth.of(2026, 11), EUR, DECEMBER, NOW);
        ArgumentCaptor<InvoiceRunView> saved = ArgumentCaptor.forClass(InvoiceRunView.class);
        verify(runs, atLeastOnce()).save(saved.capture());
        InvoiceRunView last = saved.getAllValues().get(saved.getAllValues().size() - 1);
        assertThat(last.status()).isEqualTo("completed");
        assertThat(last.invoicesCreated()).isEqualTo(2);
        assertThat(last.currenciesDone()).isEqualTo(2);
        verify(timing).stop("completed");
    }

    @Test
    void aFailingRunIsTimedAsFailedAndTheFailureComesThrough() {
        when(invoices.currenciesToInvoice(DECEMBER)).thenReturn(List.of(EUR));
        when(invoices.create(anyString(), any(), any(), any(), any())).thenThrow(new IllegalStateException("database gone"));

        assertThatThrownBy(() -> invoicing.invoiceLastMonth()).hasMessage("database gone");

        verify(timing).stop("failed");
    }

    @Test
    void reRunningAMonthChangesNothing() {
        when(invoices.currenciesToInvoice(DECEMBER)).thenReturn(List.of(EUR));
        when(invoices.exists(YearMonth.of(2026, 11), EUR)).thenReturn(true);
        invoicing.start(YearMonth.of(2026, 11), ADMIN);
        verify(invoices, never()).create(any(), any(), any(), any(), any());
    }

    @Test
    void aRunRefusedForWantOfRoomStartsNothingAndLeavesNoRunBehind() {
        MonthlyInvoicing full = new MonthlyInvoicing(invoices, runs, lock, work -> false, activityLog, transactions,
                Clock.fixed(NOW, ZoneOffset.UTC), metrics);

        // The run and its record were written in the unit of work the full queue fails, so both go back.
        doAnswer(call -> {
            assertThatThrownBy(() -> ((Supplier<?>) call.getArgument(0)).get()).isInstanceOf(RuntimeException.class);
            throw new IllegalStateException("rolled back");
        }).when(transactions).inTransaction(any());

        assertThatThrownBy(() -> full.start(YearMonth.of(2026, 11), ADMIN)).hasMessage("rolled back");
        verify(runs).save(any());
        verify(activityLog).append(any());
        verifyNoInteractions(invoices, lock);
        verify(runs, never()).remove(any());
    }

    @Test
    void aFullQueueAnswersBusy() {
        MonthlyInvoicing full = new MonthlyInvoicing(invoices, runs, lock, work -> false, activityLog, transactions,
                Clock.fixed(NOW, ZoneOffset.UTC), metrics);
        assertThat(full.start(YearMonth.of(2026, 11), ADMIN)).isInstanceOf(StartInvoiceRun.Busy.class);
    }

    @Test
    void aStartedRunIsRecordedAsReadyInvoiceWithItsMonthWhoAndFromWhereInTheUnitOfWorkThatSavesIt() {
        BackgroundWork later = org.mockito.Mockito.mock(BackgroundWork.class);
        when(later.submit(any())).thenReturn(true);
        MonthlyInvoicing queued = new MonthlyInvoicing(invoices, runs, lock, later, activityLog, transactions,
                Clock.fixed(NOW, ZoneOffset.UTC), metrics);

        var started = (StartInvoiceRun.Started) queued.start(YearMonth.of(2026, 11), ADMIN.from("198.51.100.4"));

        ArgumentCaptor<ActivityEntry> record = ArgumentCaptor.forClass(ActivityEntry.class);
        InOrder inOrder = inOrder(transactions, runs, activityLog, later);
        inOrder.verify(transactions).inTransaction(any());
        inOrder.verify(runs).save(started.run());
        inOrder.verify(activityLog).append(record.capture());
        inOrder.verify(later).submit(any());
        assertThat(record.getValue()).isEqualTo(new ActivityEntry(NOW, "ready_invoice", "succeeded", ADMIN.username(),
                null, null, null, "invoice_run", started.run().id(),
                Map.of("billingMonth", "2026-11", "clientAddress", "198.51.100.4")));
    }

    @Test
    void aRunWhoseRecordCannotBeWrittenIsNotQueued() {
        BackgroundWork later = org.mockito.Mockito.mock(BackgroundWork.class);
        doThrow(new IllegalStateException("the log is gone")).when(activityLog).append(any());
        MonthlyInvoicing queued = new MonthlyInvoicing(invoices, runs, lock, later, activityLog, transactions,
                Clock.fixed(NOW, ZoneOffset.UTC), metrics);

        assertThatThrownBy(() -> queued.start(YearMonth.of(2026, 11), ADMIN)).hasMessage("the log is gone");
        verifyNoInteractions(later, invoices, lock);
    }

    @Test
    void theSchedulersRunIsRecordedAsTheSystems() {
        when(invoices.currenciesToInvoice(DECEMBER)).thenReturn(List.of(EUR));
        var run = invoicing.invoiceLastMonth().orElseThrow();
        ArgumentCaptor<ActivityEntry> record = ArgumentCaptor.forClass(ActivityEntry.class);
        verify(activityLog).append(record.capture());
        assertThat(record.getValue()).isEqualTo(new ActivityEntry(NOW, "ready_invoice", "succeeded", "system",
                null, null, null, "invoice_run", run.id(), Map.of("billingMonth", "2026-11")));
    }

    @Test
    void theCurrentMonthCannotBeInvoicedYet() {
        assertThat(invoicing.start(YearMonth.of(2026, 12), ADMIN)).isEqualTo(new StartInvoiceRun.MonthNotEnded(YearMonth.of(2026, 12)));
        verify(runs, never()).save(any());
        verifyNoInteractions(activityLog);
    }

    @Test
    void anotherInstanceHoldingTheLockMeansThisRunIsSkipped() {
        when(lock.runExclusively(any(), any(), any())).thenReturn(false);
        invoicing.start(YearMonth.of(2026, 11), ADMIN);
        ArgumentCaptor<InvoiceRunView> saved = ArgumentCaptor.forClass(InvoiceRunView.class);
        verify(runs, atLeastOnce()).save(saved.capture());
        assertThat(saved.getValue().status()).isEqualTo("skipped");
        verify(invoices, never()).create(any(), any(), any(), any(), any());
        verify(timing).stop("skipped");
    }

    @Test
    void theSchedulerInvoicesLastMonthOnceOnly() {
        when(invoices.currenciesToInvoice(DECEMBER)).thenReturn(List.of(EUR));
        when(invoices.create(anyString(), any(), any(), any(), any())).thenReturn(1);
        assertThat(invoicing.invoiceLastMonth()).hasValueSatisfying(run -> assertThat(run.invoicesCreated()).isEqualTo(1));
        when(invoices.exists(YearMonth.of(2026, 11), EUR)).thenReturn(true);
        assertThat(invoicing.invoiceLastMonth()).isEmpty();
    }

    @Test
    void onlyTheTablesRolesStartOrReadRunsAndInvoicesAndARefusalTouchesNoPort() {
        BackgroundWork background = org.mockito.Mockito.mock(BackgroundWork.class);
        MonthlyInvoicing guarded = new MonthlyInvoicing(invoices, runs, lock, background, activityLog, transactions,
                Clock.fixed(NOW, ZoneOffset.UTC), metrics);
        for (Actor actor : TestActors.refused(Permission.START_INVOICE_RUN)) {
            assertThat(guarded.start(YearMonth.of(2026, 11), actor))
                    .isEqualTo(new StartInvoiceRun.NotPermitted(Permission.START_INVOICE_RUN));
        }
        for (Actor actor : TestActors.refused(Permission.READ_INVOICES)) {
            assertThat(guarded.list(PageRequest.first(10), actor)).isEqualTo(Lookup.notPermitted(Permission.READ_INVOICES));
            assertThat(guarded.invoice("inv-1", actor)).isEqualTo(Lookup.notPermitted(Permission.READ_INVOICES));
            assertThat(guarded.lineItems("inv-1", actor)).isEqualTo(Lookup.notPermitted(Permission.READ_INVOICES));
            assertThat(guarded.run("run-1", actor)).isEqualTo(Lookup.notPermitted(Permission.READ_INVOICES));
        }
        verifyNoInteractions(invoices, runs, lock, background, transactions, activityLog);
        Actor agent = TestActors.holding(Role.ADMIN_AGENT);
        assertThat(guarded.invoice("inv-1", agent)).isEqualTo(Lookup.notFound("invoice_not_found"));
        assertThat(guarded.lineItems("inv-1", agent)).isEqualTo(Lookup.notFound("invoice_not_found"));
        assertThat(guarded.run("run-1", agent)).isEqualTo(Lookup.notFound("invoice_run_not_found"));
    }
}
