package com.cspdesk.adapters.memory.invoicing;

import com.cspdesk.adapters.memory.cancellation.AddedOrders;
import com.cspdesk.adapters.memory.cancellation.MemoryCredits;
import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.cancellation.port.out.Credits.CreditNote;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.invoicing.port.in.InvoiceViews.Amounts;
import com.cspdesk.application.invoicing.port.in.InvoiceViews.InvoiceLineView;
import com.cspdesk.application.invoicing.port.in.InvoiceViews.InvoiceView;
import com.cspdesk.application.invoicing.port.out.Invoices;
import com.cspdesk.application.invoicing.port.out.RenewalCharges;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.ordering.port.out.Orders.StoredLine;
import com.cspdesk.application.ordering.port.out.Orders.StoredOrder;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Invoices made in memory from every order line and renewed term (a charge) and every credit note
 * (a credit, shown negative) that is on no invoice yet and occurred before {@code until}: each item lands on exactly
 * one invoice, and a month and currency has at most one invoice, so a re-run changes nothing.
 * Orders are read through the Orders port ({@link AddedOrders} names them all), customers' names
 * through the Customers port (a tenant without a customer is shown by its tenant id).
 *
 * <p>{@link #create} keeps what it made even when the caller's unit fails afterwards, as the JDBC
 * adapter's own transaction does; it changes nothing when it fails itself.
 */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
class MemoryInvoices implements Invoices {

    static final String CHARGE = "charge";
    static final String CREDIT = "credit";

    /** Charges before credits, then by customer name, order and line, as the JDBC adapter sorts them. */
    private static final Comparator<InvoiceLineView> LINE_ORDER = Comparator.comparing(InvoiceLineView::kind)
            .thenComparing(InvoiceLineView::customerName).thenComparing(InvoiceLineView::orderId)
            .thenComparingInt(InvoiceLineView::lineItemNumber);
    /** Newest month first, then currency A–Z. */
    private static final Comparator<InvoiceView> PAGE_ORDER = Comparator.comparing(InvoiceView::billingMonth).reversed()
            .thenComparing(i -> i.currency().getCurrencyCode());

    private final MemoryTransactions transactions;
    private final AddedOrders addedOrders;
    private final Orders orders;
    private final MemoryCredits credits;
    private final MemoryRenewalCharges renewals;
    private final Customers customers;

    /** Guarded by the units of work. */
    private final Map<String, InvoiceView> invoices = new HashMap<>();
    private final Map<String, List<InvoiceLineView>> lines = new HashMap<>();
    private final Set<Item> onAnInvoice = new HashSet<>();

    MemoryInvoices(MemoryTransactions transactions, AddedOrders addedOrders, Orders orders, MemoryCredits credits,
                   MemoryRenewalCharges renewals, Customers customers) {
        this.transactions = transactions;
        this.addedOrders = addedOrders;
        this.orders = orders;
        this.credits = credits;
        this.renewals = renewals;
        this.customers = customers;
    }

    @Override
    public List<Currency> currenciesToInvoice(Instant until) {
        return transactions.read(() -> {
            TreeSet<String> codes = new TreeSet<>();
            for (StoredOrder order : ordersBefore(until)) {
                if (order.lines().stream().anyMatch(l -> !onAnInvoice.contains(Item.charge(order.id(), l.lineItemNumber())))) {
                    codes.add(order.currency().getCurrencyCode());
                }
            }
            creditsBefore(until).forEach(n -> codes.add(n.credit().currency().getCurrencyCode()));
            renewalsBefore(until).forEach(r -> codes.add(r.charge().currency().getCurrencyCode()));
            return codes.stream().map(Currency::getInstance).toList();
        });
    }

    @Override
    public boolean exists(YearMonth billingMonth, Currency currency) {
        return transactions.read(() -> invoiceOf(billingMonth, currency).isPresent());
    }

    @Override
    public int create(String invoiceId, YearMonth billingMonth, Currency currency, Instant until, Instant issuedAt) {
        return transactions.read(() -> {
            if (invoiceOf(billingMonth, currency).isPresent() || invoices.containsKey(invoiceId)) {
                throw new IllegalStateException("an invoice for " + billingMonth + " in " + currency + " exists already");
            }
            List<InvoiceLineView> made = new ArrayList<>();
            Set<Item> taken = new HashSet<>();
            for (StoredOrder order : ordersBefore(until)) {
                if (!order.currency().equals(currency)) {
                    continue;
                }
                String name = customerName(order.customerTenantId());
                for (StoredLine line : order.lines()) {
                    Item item = Item.charge(order.id(), line.lineItemNumber());
                    if (!onAnInvoice.contains(item)) {
                        taken.add(item);
                        made.add(new InvoiceLineView(CHARGE, order.customerTenantId(), name, order.id(),
                                line.lineItemNumber(), line.friendlyName(), order.createdAt(), amounts(line.charged(), false)));
                    }
                }
            }
            for (RenewalCharges.RenewalCharge renewal : renewalsBefore(until)) {
                if (!renewal.charge().currency().equals(currency)) {
                    continue;
                }
                Optional<StoredLine> line = orders.find(renewal.customerTenantId(), renewal.orderId()).flatMap(o -> o.lines()
                        .stream().filter(l -> l.lineItemNumber() == renewal.lineItemNumber()).findFirst());
                if (line.isPresent()) {
                    taken.add(Item.renewal(renewal));
                    made.add(new InvoiceLineView(CHARGE, renewal.customerTenantId(), customerName(renewal.customerTenantId()),
                            renewal.orderId(), renewal.lineItemNumber(), line.get().friendlyName(), renewal.startsAt(),
                            amounts(renewal.charge(), false)));
                }
            }
            for (CreditNote note : creditsBefore(until)) {
                if (!note.credit().currency().equals(currency)) {
                    continue;
                }
                // As the JDBC join: a credit is described by its line's name, and needs its line.
                Optional<StoredLine> line = orders.find(note.customerTenantId(), note.orderId()).flatMap(o -> o.lines()
                        .stream().filter(l -> l.lineItemNumber() == note.lineItemNumber()).findFirst());
                if (line.isPresent()) {
                    taken.add(Item.credit(note));
                    made.add(new InvoiceLineView(CREDIT, note.customerTenantId(), customerName(note.customerTenantId()),
                            note.orderId(), note.lineItemNumber(), line.get().friendlyName(), note.issuedAt(),
                            amounts(note.credit(), true)));
                }
            }
            if (made.isEmpty()) {
                return 0;
            }
            made.sort(LINE_ORDER);
            // Kept outside the caller's undo log: the invoice is committed by create itself.
            invoices.put(invoiceId, invoice(invoiceId, billingMonth, currency, issuedAt, made));
            lines.put(invoiceId, List.copyOf(made));
            onAnInvoice.addAll(taken);
            return made.size();
        });
    }

    @Override
    public List<InvoiceView> page(Optional<Cursor> after, int limit) {
        if (limit < 1) {
            return List.of();
        }
        return transactions.read(() -> invoices.values().stream()
                .filter(i -> after.map(c -> i.billingMonth().isBefore(c.billingMonth())
                        || (i.billingMonth().equals(c.billingMonth())
                        && i.currency().getCurrencyCode().compareTo(c.currency()) > 0)).orElse(true))
                .sorted(PAGE_ORDER)
                .limit(limit)
                .toList());
    }

    @Override
    public long count() {
        return transactions.read(() -> (long) invoices.size());
    }

    @Override
    public Optional<InvoiceView> find(String invoiceId) {
        return transactions.read(() -> Optional.ofNullable(invoices.get(invoiceId)));
    }

    @Override
    public List<InvoiceLineView> lines(String invoiceId) {
        return transactions.read(() -> lines.getOrDefault(invoiceId, List.of()));
    }

    private Optional<InvoiceView> invoiceOf(YearMonth billingMonth, Currency currency) {
        return invoices.values().stream()
                .filter(i -> i.billingMonth().equals(billingMonth) && i.currency().equals(currency)).findFirst();
    }

    private List<StoredOrder> ordersBefore(Instant until) {
        List<StoredOrder> before = new ArrayList<>();
        for (AddedOrders.OrderRef ref : addedOrders.all()) {
            orders.find(ref.customerTenantId(), ref.orderId()).filter(o -> o.createdAt().isBefore(until)).ifPresent(before::add);
        }
        return before;
    }

    private List<CreditNote> creditsBefore(Instant until) {
        return credits.issued().stream()
                .filter(n -> n.issuedAt().isBefore(until) && !onAnInvoice.contains(Item.credit(n)))
                .toList();
    }

    private List<RenewalCharges.RenewalCharge> renewalsBefore(Instant until) {
        return renewals.all().stream()
                .filter(r -> r.startsAt().isBefore(until) && !onAnInvoice.contains(Item.renewal(r)))
                .toList();
    }

    private String customerName(String tenantId) {
        return customers.byTenantId(tenantId).map(Customers.Customer::companyName).orElse(tenantId);
    }

    private static InvoiceView invoice(String id, YearMonth month, Currency currency, Instant issuedAt,
                                       List<InvoiceLineView> made) {
        Amounts zero = new Amounts(Money.zero(currency), Money.zero(currency), Money.zero(currency));
        Amounts charges = zero;
        Amounts credited = zero;
        for (InvoiceLineView line : made) {
            if (CHARGE.equals(line.kind())) {
                charges = plus(charges, line.amounts());
            } else {
                credited = plus(credited, line.amounts());
            }
        }
        return new InvoiceView(id, month, currency, issuedAt, made.size(), charges, credited, plus(charges, credited));
    }

    private static Amounts amounts(PriceQuote quote, boolean negate) {
        return negate ? new Amounts(quote.net().negate(), quote.tax().negate(), quote.gross().negate())
                : new Amounts(quote.net(), quote.tax(), quote.gross());
    }

    private static Amounts plus(Amounts a, Amounts b) {
        return new Amounts(a.net().plus(b.net()), a.tax().plus(b.tax()), a.gross().plus(b.gross()));
    }

    /** An item on some invoice: an order line's purchase (seq 0) or renewed term (seq = term − 1), or a credit note. */
    private record Item(String kind, String orderId, int lineItemNumber, String seq) {

        static Item charge(String orderId, int line) {
            return new Item(CHARGE, orderId, line, "0");
        }

        static Item renewal(RenewalCharges.RenewalCharge renewal) {
            return new Item(CHARGE, renewal.orderId(), renewal.lineItemNumber(), String.valueOf(renewal.termNumber() - 1));
        }

        static Item credit(CreditNote note) {
            return new Item(CREDIT, note.orderId(), note.lineItemNumber(), note.id());
        }
    }
}
