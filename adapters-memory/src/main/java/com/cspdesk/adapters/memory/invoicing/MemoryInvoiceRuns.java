package com.cspdesk.adapters.memory.invoicing;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.invoicing.port.in.InvoiceViews.InvoiceRunView;
import com.cspdesk.application.invoicing.port.out.InvoiceRuns;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Invoice runs in memory; a save overwrites the run (its progress), as the JDBC upsert does. */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
class MemoryInvoiceRuns implements InvoiceRuns {

    private final MemoryTransactions transactions;
    /** Guarded by the units of work. */
    private final Map<String, InvoiceRunView> runs = new HashMap<>();

    MemoryInvoiceRuns(MemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void save(InvoiceRunView run) {
        put(run.id(), run);
    }

    @Override
    public Optional<InvoiceRunView> find(String runId) {
        return transactions.read(() -> Optional.ofNullable(runs.get(runId)));
    }

    @Override
    public void remove(String runId) {
        put(runId, null);
    }

    /** Sets (or, with null, removes) the run, remembering what was there for the undo. */
    private void put(String runId, InvoiceRunView run) {
        transactions.inTransaction(() -> {
            InvoiceRunView before = runs.get(runId);
            return transactions.change(() -> set(runId, run), () -> set(runId, before));
        });
    }

    private InvoiceRunView set(String runId, InvoiceRunView run) {
        return run == null ? runs.remove(runId) : runs.put(runId, run);
    }
}
