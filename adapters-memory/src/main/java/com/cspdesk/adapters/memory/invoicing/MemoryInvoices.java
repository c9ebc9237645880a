package com.cspdesk.adapters.memory.invoicing;

import com.cspdesk.adapters.memory.cancellation.AddedOrders;
import com.cspdesk.adapters.memory.cancellation.MemoryCredits;
import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.cancellation.port.out.Credits.CreditNote;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.invoicing.port.in.InvoiceViews.Amounts;
import com.cspdesk.application.invoicing.port.in.InvoiceViews.BillingItem;
import com.cspdesk.application.invoicing.port.in.InvoiceViews.UnbilledTotals;
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
    /** Unbilled items: oldest first, then kind, order, line, seq, as the JDBC adapter sorts them. */
    private static final Comparator<BillingItem> UNBILLED_ORDER = Comparator.<BillingItem, Instant>comparing(i -> i.line().occurredAt())
            .thenComparing(i -> i.line().kind()).thenComparing(i -> i.line().orderId())
            .thenComparingInt(i -> i.line().lineItemNumber()).thenComparingInt(BillingItem::seq);
    /** Invoiced items in invoice order: invoice id, kind, order, line, seq. */
    private static final Comparator<BillingItem> INVOICED_ORDER = Comparator.<BillingItem, String>comparing(i -> i.invoiceId().orElse(""))
            .thenComparing(i -> i.line().kind()).thenComparing(i -> i.line().orderId())
            .thenComparingInt(i -> i.line().lineItemNumber()).thenComparingInt(BillingItem::seq);
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
    /** The same lines with their invoice and seq, for reconciliation. */
    private final Map<String, List<BillingItem>> billed = new HashMap<>();
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
            openItems(until).forEach(o -> codes.add(o.item().currency().getCurrencyCode()));
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
            List<Open> open = openItems(until).stream().filter(o -> o.item().currency().equals(currency)).toList();
            List<InvoiceLineView> made = new ArrayList<>(open.stream().map(o -> o.item().line()).toList());
            Set<Item> taken = new HashSet<>(open.stream().map(Open::key).toList());
            if (made.isEmpty()) {
                return 0;
            }
            made.sort(LINE_ORDER);
            // Kept outside the caller's undo log: the invoice is committed by create itself.
            invoices.put(invoiceId, invoice(invoiceId, billingMonth, currency, issuedAt, made));
            lines.put(invoiceId, List.copyOf(made));
            billed.put(invoiceId, open.stream().map(o -> new BillingItem(Optional.of(invoiceId), Optional.of(billingMonth),
                    currency, o.item().seq(), o.item().line())).toList());
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

    @Override
    public List<BillingItem> unbilled(Instant until, Optional<ItemCursor> after, int limit) {
        return transactions.read(() -> openItems(until).stream().map(Open::item)
                .filter(item -> after.map(cursor -> UNBILLED_ORDER.compare(item, cursorItem(cursor, Instant.parse(cursor.first()))) > 0)
                        .orElse(true))
                .sorted(UNBILLED_ORDER).limit(limit).toList());
    }

    @Override
    public List<UnbilledTotals> unbilledTotals(Instant until) {
        return transactions.read(() -> {
            Map<Currency, List<BillingItem>> byCurrency = new java.util.TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
            openItems(until).forEach(o -> byCurrency.computeIfAbsent(o.item().currency(), c -> new ArrayList<>()).add(o.item()));
            List<UnbilledTotals> totals = new ArrayList<>();
            byCurrency.forEach((currency, items) -> {
                Amounts zero = new Amounts(Money.zero(currency), Money.zero(currency), Money.zero(currency));
                Amounts charges = zero;
                Amounts credited = zero;
                for (BillingItem item : items) {
                    if (CHARGE.equals(item.line().kind())) {
                        charges = plus(charges, item.line().amounts());
                    } else {
                        credited = plus(credited, item.line().amounts());
                    }
                }
                totals.add(new UnbilledTotals(currency, items.size(), charges, credited, plus(charges, credited)));
            });
            return totals;
        });
    }

    @Override
    public List<BillingItem> invoiced(Instant from, Instant until, Optional<ItemCursor> after, int limit) {
        return transactions.read(() -> billed.values().stream().flatMap(List::stream)
                .filter(item -> !item.line().occurredAt().isBefore(from) && item.line().occurredAt().isBefore(until))
                .filter(item -> after.map(cursor -> INVOICED_ORDER.compare(item, cursorItem(cursor, Instant.EPOCH)) > 0).orElse(true))
                .sorted(INVOICED_ORDER).limit(limit).toList());
    }

    /** Every charge and credit on no invoice yet that occurred before {@code until}, with what marks it taken. */
    private List<Open> openItems(Instant until) {
        List<Open> open = new ArrayList<>();
        for (StoredOrder order : ordersBefore(until)) {
            String name = customerName(order.customerTenantId());
            for (StoredLine line : order.lines()) {
                Item item = Item.charge(order.id(), line.lineItemNumber());
                if (!onAnInvoice.contains(item)) {
                    open.add(new Open(new BillingItem(Optional.empty(), Optional.empty(), order.currency(), 0,
                            new InvoiceLineView(CHARGE, order.customerTenantId(), name, order.id(), line.lineItemNumber(),
                                    line.friendlyName(), order.createdAt(), amounts(line.charged(), false))), item));
                }
            }
        }
        for (RenewalCharges.RenewalCharge renewal : renewalsBefore(until)) {
            // As the JDBC join: an item is described by its line's name, and needs its line.
            lineOf(renewal.customerTenantId(), renewal.orderId(), renewal.lineItemNumber()).ifPresent(line ->
                    open.add(new Open(new BillingItem(Optional.empty(), Optional.empty(), renewal.charge().currency(),
                            renewal.termNumber() - 1, new InvoiceLineView(CHARGE, renewal.customerTenantId(),
                            customerName(renewal.customerTenantId()), renewal.orderId(), renewal.lineItemNumber(),
                            line.friendlyName(), renewal.startsAt(), amounts(renewal.charge(), false))), Item.renewal(renewal))));
        }
        for (CreditNote note : creditsBefore(until)) {
            lineOf(note.customerTenantId(), note.orderId(), note.lineItemNumber()).ifPresent(line ->
                    open.add(new Open(new BillingItem(Optional.empty(), Optional.empty(), note.credit().currency(),
                            seqOf(note), new InvoiceLineView(CREDIT, note.customerTenantId(), customerName(note.customerTenantId()),
                            note.orderId(), note.lineItemNumber(), line.friendlyName(), note.issuedAt(),
                            amounts(note.credit(), true))), Item.credit(note))));
        }
        return open;
    }

    private Optional<StoredLine> lineOf(String tenant, String orderId, int number) {
        return orders.find(tenant, orderId).flatMap(o -> o.lines().stream().filter(l -> l.lineItemNumber() == number).findFirst());
    }

    /** As the JDBC adapter numbers them: the cancellation's 0, the line's other notes 1, 2, … in the order issued. */
    private int seqOf(CreditNote note) {
        if (note.reason() == com.cspdesk.domain.credit.CreditReason.CANCELLATION) {
            return 0;
        }
        int seq = 0;
        for (CreditNote other : credits.issued()) {
            if (other.orderId().equals(note.orderId()) && other.lineItemNumber() == note.lineItemNumber()
                    && other.reason() != com.cspdesk.domain.credit.CreditReason.CANCELLATION) {
                seq++;
                if (other.id().equals(note.id())) {
                    return seq;
                }
            }
        }
        return seq;
    }

    private static BillingItem cursorItem(ItemCursor cursor, Instant occurredAt) {
        Money none = Money.zero(Currency.getInstance("EUR"));
        return new BillingItem(Optional.of(cursor.first()), Optional.empty(), Currency.getInstance("EUR"), cursor.seq(),
                new InvoiceLineView(cursor.kind(), "", "", cursor.orderId(), cursor.lineItemNumber(), "", occurredAt,
                        new Amounts(none, none, none)));
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

    /** An item no invoice has taken yet, and what marks it taken. */
    private record Open(BillingItem item, Item key) {
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
