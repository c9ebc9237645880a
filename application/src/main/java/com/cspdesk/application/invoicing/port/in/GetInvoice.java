package com.cspdesk.application.invoicing.port.in;

import java.util.List;
import java.util.Optional;

/** One invoice and its line items (charges, then credits, by customer). */
public interface GetInvoice {

    Optional<InvoiceViews.InvoiceView> invoice(String invoiceId);

    Optional<List<InvoiceViews.InvoiceLineView>> lineItems(String invoiceId);
}
