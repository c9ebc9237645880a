package com.cspdesk.application.cancellation;

import com.cspdesk.application.cancellation.port.in.ListOrderCredits;
import com.cspdesk.application.cancellation.port.out.Credits;
import com.cspdesk.application.customers.VisibleCustomers;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.invoicing.port.in.InvoiceViews;
import com.cspdesk.application.invoicing.port.out.Invoices;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.customer.CustomerRef;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The credit notes of one order with the invoice each landed on (issue #17: a cancelled order shows its
 * credit, not its old amounts). An invoice takes a credit note as a credit line of the same order, line and
 * instant; a note no invoice has taken yet lands on the next monthly invoice.
 */
public final class OrderCreditsReading implements ListOrderCredits {

    /** How many invoice lines of one instant are looked through for a note's own; far more than one instant holds. */
    static final int LINES_OF_ONE_INSTANT = 500;
    static final String CREDIT = "credit";

    private final VisibleCustomers visibleCustomers;
    private final Orders orders;
    private final Credits credits;
    private final Invoices invoices;

    public OrderCreditsReading(Customers customers, Orders orders, Credits credits, Invoices invoices) {
        this.visibleCustomers = new VisibleCustomers(customers);
        this.orders = orders;
        this.credits = credits;
        this.invoices = invoices;
    }

    @Override
    public Lookup<List<OrderCredit>> credits(CustomerRef customerRef, String orderId, Actor actor) {
        if (!actor.may(Permission.VIEW_ORDERS)) {
            return Lookup.notPermitted(Permission.VIEW_ORDERS);
        }
        return Lookup.of(visibleCustomers.resolve(customerRef, actor), VisibleCustomers.NOT_FOUND)
                .flatMap(customer -> Lookup.of(orderId == null ? Optional.empty()
                        : orders.find(customer.tenantId(), orderId.strip()), OrderCancelling.ORDER_NOT_FOUND))
                .map(order -> {
                    List<OrderCredit> shown = new ArrayList<>();
                    for (Credits.CreditNote note : credits.ofOrder(order.customerTenantId(), order.id())) {
                        Optional<InvoiceViews.BillingItem> invoiced = invoiceLineOf(note);
                        shown.add(new OrderCredit(note.id(), note.lineItemNumber(), note.reason().code(), note.credit(),
                                note.issuedAt(), invoiced.flatMap(InvoiceViews.BillingItem::invoiceId),
                                invoiced.flatMap(InvoiceViews.BillingItem::billingMonth)));
                    }
                    return List.copyOf(shown);
                });
    }

    /** The invoice line that took the note: a credit of its order and line that occurred at its instant. */
    private Optional<InvoiceViews.BillingItem> invoiceLineOf(Credits.CreditNote note) {
        Instant at = note.issuedAt();
        return invoices.invoiced(at, at.plusNanos(1_000), Optional.empty(), LINES_OF_ONE_INSTANT).stream()
                .filter(item -> CREDIT.equals(item.line().kind()) && note.orderId().equals(item.line().orderId())
                        && item.line().lineItemNumber() == note.lineItemNumber())
                .findFirst();
    }
}
