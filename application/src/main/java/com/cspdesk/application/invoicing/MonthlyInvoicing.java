package com.cspdesk.application.invoicing;

import com.cspdesk.application.activity.AdminActs;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.invoicing.port.in.GetInvoice;
import com.cspdesk.application.invoicing.port.in.GetInvoiceRun;
import com.cspdesk.application.invoicing.port.in.InvoiceViews;
import com.cspdesk.application.invoicing.port.in.InvoiceViews.InvoiceRunView;
import com.cspdesk.application.invoicing.port.in.ListInvoices;
import com.cspdesk.application.invoicing.port.in.StartInvoiceRun;
import com.cspdesk.application.invoicing.port.out.BackgroundWork;
import com.cspdesk.application.invoicing.port.out.InvoiceRuns;
import com.cspdesk.application.invoicing.port.out.Invoices;
import com.cspdesk.application.invoicing.port.out.JobLock;
import com.cspdesk.application.metrics.port.out.BusinessMetrics;
import com.cspdesk.application.shared.ContinuationTokens;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.activity.ActivityCatalogue.Resource;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.activity.ActivityEntry;
import com.cspdesk.application.shared.port.in.InvalidContinuationToken;
import com.cspdesk.application.shared.port.in.Page;
import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.application.shared.port.out.Transactions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Spec "Post-cancellation details": credits appear on the next monthly invoice. Each run for a
 * billing month makes one invoice per currency from every charge and credit not invoiced yet up
 * to that month's end (UTC), so nothing is billed twice and nothing is lost when a month's run
 * was missed. A month is invoiced once: its invoices are never changed afterwards.
 */
public final class MonthlyInvoicing implements StartInvoiceRun, GetInvoiceRun, ListInvoices, GetInvoice {

    static final String LOCK = "monthly-invoicing";
    static final Duration LOCK_AT_MOST = Duration.ofMinutes(30);
    static final String SCHEDULER = "scheduler";
    private static final String INVOICE_RUN = Resource.INVOICE_RUN.kind();

    private final Invoices invoices;
    private final InvoiceRuns runs;
    private final JobLock lock;
    private final BackgroundWork background;
    private final ActivityLog activityLog;
    private final Transactions transactions;
    private final Clock clock;
    private final BusinessMetrics metrics;

    public MonthlyInvoicing(Invoices invoices, InvoiceRuns runs, JobLock lock, BackgroundWork background,
                            ActivityLog activityLog, Transactions transactions, Clock clock, BusinessMetrics metrics) {
        this.invoices = invoices;
        this.runs = runs;
        this.lock = lock;
        this.background = background;
        this.activityLog = activityLog;
        this.transactions = transactions;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public StartResult start(YearMonth billingMonth, Actor actor) {
        if (!actor.may(Permission.START_INVOICE_RUN)) {
            return new StartInvoiceRun.NotPermitted(Permission.START_INVOICE_RUN);
        }
        if (!hasEnded(billingMonth)) {
            return new MonthNotEnded(billingMonth);
        }
        InvoiceRunView run = new InvoiceRunView(UUID.randomUUID().toString(), billingMonth, "running", now(),
                Optional.empty(), 0, 0, 0, actor.username());
        // The run, its record and its place in the queue at once: queued last, so a record that cannot
        // be written queues nothing, and a full queue takes the run and its record back with it.
        try {
            return transactions.inTransaction(() -> {
                runs.save(run);
                activityLog.append(AdminActs.by(actor, run.startedAt(), AdminActs.READY_INVOICE, INVOICE_RUN, run.id(),
                        period(run)));
                if (!background.submit(() -> execute(run))) {
                    throw new QueueFull();
                }
                return new Started(run);
            });
        } catch (QueueFull full) {
            return new StartInvoiceRun.Busy();
        }
    }

    /** Rolls a run back that found no room in the queue. */
    private static final class QueueFull extends RuntimeException {
        QueueFull() {
            super("no room for another invoice run", null, false, false);
        }
    }

    private static Map<String, String> period(InvoiceRunView run) {
        return Map.of("billingMonth", run.billingMonth().toString());
    }

    /** The scheduler's entry: invoices the month that ended last, if not done yet. Runs in the caller's thread. */
    public Optional<InvoiceRunView> invoiceLastMonth() {
        YearMonth last = YearMonth.now(clock.withZone(ZoneOffset.UTC)).minusMonths(1);
        InvoiceRunView run = new InvoiceRunView(UUID.randomUUID().toString(), last, "running", now(), Optional.empty(),
                0, 0, 0, SCHEDULER);
        if (invoices.currenciesToInvoice(until(last)).stream().allMatch(c -> invoices.exists(last, c))) {
            return Optional.empty();
        }
        transactions.inTransaction(() -> {
            runs.save(run);
            activityLog.append(AdminActs.entry(run.startedAt(), AdminActs.READY_INVOICE, ActivityEntry.SUCCEEDED,
                    AdminActs.SYSTEM, Optional.empty(), INVOICE_RUN, run.id(), period(run)));
            return null;
        });
        return Optional.of(execute(run));
    }

    @Override
    public Lookup<InvoiceRunView> run(String runId, Actor actor) {
        if (!actor.may(Permission.READ_INVOICES)) {
            return Lookup.notPermitted(Permission.READ_INVOICES);
        }
        return Lookup.of(runId == null ? Optional.empty() : runs.find(runId), "invoice_run_not_found");
    }

    @Override
    public Lookup<Page<InvoiceViews.InvoiceView>> list(PageRequest page, Actor actor) {
        if (!actor.may(Permission.READ_INVOICES)) {
            return Lookup.notPermitted(Permission.READ_INVOICES);
        }
        Optional<Invoices.Cursor> after = page.continuationToken().map(token -> {
            List<String> values = ContinuationTokens.decode("invoices", 2, token);
            try {
                return new Invoices.Cursor(YearMonth.parse(values.get(0)), values.get(1));
            } catch (DateTimeParseException e) {
                throw new InvalidContinuationToken();
            }
        });
        List<InvoiceViews.InvoiceView> rows = invoices.page(after, page.size() + 1);
        boolean more = rows.size() > page.size();
        List<InvoiceViews.InvoiceView> shown = more ? rows.subList(0, page.size()) : rows;
        Optional<String> next = more ? Optional.of(ContinuationTokens.encode("invoices",
                shown.get(shown.size() - 1).billingMonth().toString(),
                shown.get(shown.size() - 1).currency().getCurrencyCode())) : Optional.empty();
        return Lookup.found(new Page<>(shown, invoices.count(), next));
    }

    @Override
    public Lookup<InvoiceViews.InvoiceView> invoice(String invoiceId, Actor actor) {
        if (!actor.may(Permission.READ_INVOICES)) {
            return Lookup.notPermitted(Permission.READ_INVOICES);
        }
        return Lookup.of(invoiceId == null ? Optional.empty() : invoices.find(invoiceId), "invoice_not_found");
    }

    @Override
    public Lookup<List<InvoiceViews.InvoiceLineView>> lineItems(String invoiceId, Actor actor) {
        return invoice(invoiceId, actor).map(invoice -> invoices.lines(invoice.id()));
    }

    /** Runs it under the job lock, timed from here to its outcome (completed, skipped or failed). */
    private InvoiceRunView execute(InvoiceRunView started) {
        BusinessMetrics.Stopwatch timing = metrics.invoiceRunStarted();
        InvoiceRunView[] current = {started};
        try {
            boolean ran = lock.runExclusively(LOCK, LOCK_AT_MOST, () -> current[0] = invoice(started));
            if (!ran) {
                current[0] = finished(started, "skipped", 0, 0, 0);
                runs.save(current[0]);
            }
        } catch (RuntimeException e) {
            current[0] = finished(current[0], "failed", current[0].currenciesTotal(), current[0].currenciesDone(),
                    current[0].invoicesCreated());
            runs.save(current[0]);
            timing.stop(current[0].status());
            throw e;
        }
        timing.stop(current[0].status());
        return current[0];
    }

    private InvoiceRunView invoice(InvoiceRunView run) {
        YearMonth month = run.billingMonth();
        Instant until = until(month);
        List<Currency> currencies = invoices.currenciesToInvoice(until);
        int done = 0;
        int created = 0;
        InvoiceRunView progress = progress(run, currencies.size(), done, created);
        runs.save(progress);
        for (Currency currency : currencies) {
            boolean made = transactions.inTransaction(() -> !invoices.exists(month, currency)
                    && invoices.create(invoiceId(month, currency), month, currency, until, now()) > 0);
            done++;
            created += made ? 1 : 0;
            runs.save(progress(run, currencies.size(), done, created));
        }
        InvoiceRunView finished = finished(run, "completed", currencies.size(), done, created);
        runs.save(finished);
        return finished;
    }

    /** Readable and stable: one per month and currency, e.g. INV-2026-11-EUR. */
    static String invoiceId(YearMonth month, Currency currency) {
        return "INV-" + month + "-" + currency.getCurrencyCode();
    }

    private boolean hasEnded(YearMonth month) {
        return month.isBefore(YearMonth.now(clock.withZone(ZoneOffset.UTC)));
    }

    private static Instant until(YearMonth month) {
        return month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static InvoiceRunView progress(InvoiceRunView run, int total, int done, int created) {
        return new InvoiceRunView(run.id(), run.billingMonth(), "running", run.startedAt(), Optional.empty(), total, done,
                created, run.startedBy());
    }

    private InvoiceRunView finished(InvoiceRunView run, String status, int total, int done, int created) {
        return new InvoiceRunView(run.id(), run.billingMonth(), status, run.startedAt(), Optional.of(now()), total, done,
                created, run.startedBy());
    }
}
