package com.cspdesk.adapters.persistence.invoicing;

import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.adapters.persistence.shared.StoredInDatabase;
import com.cspdesk.application.invoicing.port.in.InvoiceViews.InvoiceRunView;
import com.cspdesk.application.invoicing.port.out.InvoiceRuns;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.YearMonth;
import java.util.Optional;

/**
 * Invoice runs. {@link #save} is an upsert ({@code INSERT … ON DUPLICATE KEY UPDATE}, which MySQL,
 * MariaDB and H2 in MySQL mode all run): a run is written when it starts and after every currency,
 * each time in a transaction of its own unless the caller has one, so progress is visible while the
 * run goes on.
 */
@StoredInDatabase
@Singleton
@Transactional
class InvoiceRunsJdbcAdapter implements InvoiceRuns {

    private final JdbcOperations jdbc;

    InvoiceRunsJdbcAdapter(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(InvoiceRunView run) {
        JdbcRows.update(jdbc, "INSERT INTO invoice_run (id, billing_month, status, started_at, finished_at, currencies_total,"
                        + " currencies_done, invoices_created, started_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE billing_month = VALUES(billing_month), status = VALUES(status),"
                        + " started_at = VALUES(started_at), finished_at = VALUES(finished_at),"
                        + " currencies_total = VALUES(currencies_total), currencies_done = VALUES(currencies_done),"
                        + " invoices_created = VALUES(invoices_created), started_by = VALUES(started_by)",
                run.id(), run.billingMonth().toString(), run.status(), run.startedAt(), run.finishedAt().orElse(null),
                run.currenciesTotal(), run.currenciesDone(), run.invoicesCreated(), run.startedBy());
    }

    @Override
    public void remove(String runId) {
        JdbcRows.update(jdbc, "DELETE FROM invoice_run WHERE id = ?", runId);
    }

    @Override
    @ReadOnly
    public Optional<InvoiceRunView> find(String runId) {
        return JdbcRows.one(jdbc, "SELECT id, billing_month, status, started_at, finished_at, currencies_total,"
                        + " currencies_done, invoices_created, started_by FROM invoice_run WHERE id = ?",
                row -> new InvoiceRunView(row.getString("id"), YearMonth.parse(row.getString("billing_month")),
                        row.getString("status"), JdbcRows.instant(row, "started_at"),
                        JdbcRows.optionalInstant(row, "finished_at"), row.getInt("currencies_total"),
                        row.getInt("currencies_done"), row.getInt("invoices_created"), row.getString("started_by")),
                runId);
    }
}
