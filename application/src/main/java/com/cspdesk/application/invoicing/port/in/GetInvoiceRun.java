package com.cspdesk.application.invoicing.port.in;

import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Actor;

/** A run's progress; {@code invoice_run_not_found} when there is none. Needs {@code READ_INVOICES}. */
public interface GetInvoiceRun {

    Lookup<InvoiceViews.InvoiceRunView> run(String runId, Actor actor);
}
