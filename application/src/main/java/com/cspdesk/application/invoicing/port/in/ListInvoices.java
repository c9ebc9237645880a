package com.cspdesk.application.invoicing.port.in;

import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.application.shared.port.in.Page;
import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.domain.access.Actor;

/** The invoices, newest billing month first. Needs {@code READ_INVOICES}. */
public interface ListInvoices {

    Lookup<Page<InvoiceViews.InvoiceView>> list(PageRequest page, Actor actor);
}
