package com.cspdesk.application.invoicing.port.in;

import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Actor;

import java.util.List;

/**
 * One invoice and its line items (charges, then credits, by customer); {@code invoice_not_found}
 * when there is none. Needs {@code READ_INVOICES}.
 */
public interface GetInvoice {

    Lookup<InvoiceViews.InvoiceView> invoice(String invoiceId, Actor actor);

    Lookup<List<InvoiceViews.InvoiceLineView>> lineItems(String invoiceId, Actor actor);
}
