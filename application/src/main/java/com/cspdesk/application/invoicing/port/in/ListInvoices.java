package com.cspdesk.application.invoicing.port.in;

import com.cspdesk.application.shared.port.in.Page;
import com.cspdesk.application.shared.port.in.PageRequest;

/** The invoices, newest billing month first. */
public interface ListInvoices {

    Page<InvoiceViews.InvoiceView> list(PageRequest page);
}
