package com.cspdesk.application.invoicing.port.in;

import java.util.Optional;

/** A run's progress. */
public interface GetInvoiceRun {

    Optional<InvoiceViews.InvoiceRunView> run(String runId);
}
