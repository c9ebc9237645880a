package com.cspdesk.application.invoicing.port.out;

import com.cspdesk.application.invoicing.port.in.InvoiceViews;

import java.util.Optional;

/** The invoice runs and their progress. */
public interface InvoiceRuns {

    void save(InvoiceViews.InvoiceRunView run);

    Optional<InvoiceViews.InvoiceRunView> find(String runId);

    /** Forgets a run that never started (its work was refused). */
    void remove(String runId);
}
