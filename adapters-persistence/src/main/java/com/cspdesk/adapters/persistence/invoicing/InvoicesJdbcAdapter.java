package com.cspdesk.adapters.persistence.invoicing;

import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.adapters.persistence.shared.StoredInDatabase;
import com.cspdesk.application.invoicing.port.in.InvoiceViews.Amounts;
import com.cspdesk.application.invoicing.port.in.InvoiceViews.BillingItem;
import com.cspdesk.application.invoicing.port.in.InvoiceViews.UnbilledTotals;
import com.cspdesk.application.invoicing.port.in.InvoiceViews.InvoiceLineView;
import com.cspdesk.application.invoicing.port.in.InvoiceViews.InvoiceView;
import com.cspdesk.application.invoicing.port.out.Invoices;
import com.cspdesk.domain.money.Money;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Invoices made set-based in the database: one {@code INSERT … SELECT} takes every charge (an order
 * line of an order in the currency created before {@code until}), one every renewal (a subscription's
 * renewed term starting before {@code until}) and one every credit (a credit note in the currency
 * issued before {@code until}) that is on no invoice yet — the anti-join on
 * {@code ux_invoice_line_item}, which also refuses an item a concurrent invoice took first. No row
 * travels through Java. Then one aggregate query sums the lines and the invoice row gets the sums.
 *
 * <p>Nothing is lost when an order commits after its month was invoiced (it was created before the
 * month's end but not yet visible): it is on no invoice, so the next month's invoice takes it.
 * Credits are stored negative on the invoice lines and shown negative; the invoice row keeps
 * charges and credits as positive sums and total = charges − credits. {@link #create} runs in a
 * READ COMMITTED transaction of its own (see there).
 */
@StoredInDatabase
@Singleton
@Transactional
class InvoicesJdbcAdapter implements Invoices {

    static final String CHARGE = "charge";
    static final String CREDIT = "credit";

    /** An order line's purchase on no invoice yet ({@code l}: the order_line). */
    private static final String NOT_CHARGED_LINE = " NOT EXISTS (SELECT 1 FROM invoice_line i WHERE i.kind = '" + CHARGE + "'"
            + " AND i.order_id = l.order_id AND i.line_item_number = l.line_item_number AND i.seq = 0)";
    /** A renewed term on no invoice yet ({@code t}: the subscription_term). */
    private static final String NOT_CHARGED_TERM = " NOT EXISTS (SELECT 1 FROM invoice_line i WHERE i.kind = '" + CHARGE + "'"
            + " AND i.order_id = t.order_id AND i.line_item_number = t.line_item_number AND i.seq = t.term_number - 1)";
    /** A credit note on no invoice yet ({@code n}: the credit_note). */
    private static final String NOT_CREDITED_NOTE = " NOT EXISTS (SELECT 1 FROM invoice_line i WHERE i.kind = '" + CREDIT + "'"
            + " AND i.order_id = n.order_id AND i.line_item_number = n.line_item_number AND i.seq = n.seq)";
    private static final String INVOICE = "SELECT id, billing_month, currency, issued_at, line_count, charges_net,"
            + " charges_tax, charges_gross, credits_net, credits_tax, credits_gross, total_net, total_tax, total_gross"
            + " FROM invoice";
    private static final String COLUMNS = "invoice_id, kind, order_id, line_item_number, seq, source_id, customer_tenant_id,"
            + " customer_name, description, occurred_at, net, tax, gross";
    /**
     * Charges: order lines of orders in the currency created before until, not charged on any invoice.
     * {@code STRAIGHT_JOIN} (in an executable comment: MySQL and MariaDB run it, H2 reads a comment)
     * drives the join from order_line in primary-key order, so the customer_order look-ups and the
     * anti-join on ux_invoice_line_item come in key order too and read their pages once, in
     * sequence, and the invoice's two indexes are filled in key order. Driven from customer_order
     * instead (MariaDB's own choice, by an index on currency and created_at), every line was a random
     * read of order_line: 200,000 lines took 28 s instead of 1.2 s to select once the tables outgrew
     * the buffer pool. Each run reads the whole history this way (the anti-join decides what is new).
     */
    private static final String INSERT_CHARGES = "INSERT INTO invoice_line (" + COLUMNS + ")"
            + " SELECT /*! STRAIGHT_JOIN */ ?, '" + CHARGE + "', l.order_id, l.line_item_number, 0, NULL, o.customer_tenant_id,"
            + " COALESCE(c.company_name, o.customer_tenant_id), l.friendly_name, o.created_at, l.net, l.tax, l.gross"
            + " FROM order_line l"
            + " JOIN customer_order o ON o.id = l.order_id"
            + " LEFT JOIN customer c ON c.tenant_id = o.customer_tenant_id"
            + " WHERE o.currency = ? AND o.created_at < ?"
            + " AND" + NOT_CHARGED_LINE
            // In the unique key's order, so ux_invoice_line_item grows at one end; the join's own order, no sort.
            + " ORDER BY l.order_id, l.line_item_number";
    /**
     * Renewals (issue #16): each renewed term of a subscription is a charge of its own (seq = the term
     * number less one), dated the day the term starts, described as its line; not charged on any invoice.
     */
    private static final String INSERT_RENEWALS = "INSERT INTO invoice_line (" + COLUMNS + ")"
            + " SELECT ?, '" + CHARGE + "', t.order_id, t.line_item_number, t.term_number - 1, NULL, t.customer_tenant_id,"
            + " COALESCE(c.company_name, t.customer_tenant_id), l.friendly_name, t.starts_at, t.net, t.tax, t.gross"
            + " FROM subscription_term t"
            + " JOIN order_line l ON l.order_id = t.order_id AND l.line_item_number = t.line_item_number"
            + " LEFT JOIN customer c ON c.tenant_id = t.customer_tenant_id"
            + " WHERE t.currency = ? AND t.starts_at < ? AND t.term_number > 1 AND" + NOT_CHARGED_TERM
            + " ORDER BY t.order_id, t.line_item_number, t.term_number";
    /** Credits: credit notes in the currency issued before until, not credited on any invoice; shown negative. */
    private static final String INSERT_CREDITS = "INSERT INTO invoice_line (" + COLUMNS + ")"
            + " SELECT ?, '" + CREDIT + "', n.order_id, n.line_item_number, n.seq, n.id, n.customer_tenant_id,"
            + " COALESCE(c.company_name, n.customer_tenant_id), l.friendly_name, n.issued_at,"
            + " -n.net, -n.tax, -n.gross"
            + " FROM credit_note n"
            + " JOIN order_line l ON l.order_id = n.order_id AND l.line_item_number = n.line_item_number"
            + " LEFT JOIN customer c ON c.tenant_id = n.customer_tenant_id"
            + " WHERE n.currency = ? AND n.issued_at < ? AND" + NOT_CREDITED_NOTE
            + " ORDER BY n.order_id, n.line_item_number, n.seq";
    /** All sums in one pass over the invoice's lines (credits are negative there, hence the minus). */
    private static final String SUMS = "SELECT COUNT(*),"
            + " COALESCE(SUM(CASE WHEN kind = '" + CHARGE + "' THEN net END), 0),"
            + " COALESCE(SUM(CASE WHEN kind = '" + CHARGE + "' THEN tax END), 0),"
            + " COALESCE(SUM(CASE WHEN kind = '" + CHARGE + "' THEN gross END), 0),"
            + " COALESCE(-SUM(CASE WHEN kind = '" + CREDIT + "' THEN net END), 0),"
            + " COALESCE(-SUM(CASE WHEN kind = '" + CREDIT + "' THEN tax END), 0),"
            + " COALESCE(-SUM(CASE WHEN kind = '" + CREDIT + "' THEN gross END), 0),"
            + " COALESCE(SUM(net), 0), COALESCE(SUM(tax), 0), COALESCE(SUM(gross), 0)"
            + " FROM invoice_line WHERE invoice_id = ?";

    /** Longer than any order's or cancellation's transaction: its created_at or issued_at is read before it commits. */
    static final Duration LATE_COMMIT_MARGIN = Duration.ofDays(1);
    /** Before any order (DATETIME's own minimum is year 1000). */
    private static final Instant BEGINNING = Instant.parse("1970-01-01T00:00:00Z");

    private final JdbcOperations jdbc;

    InvoicesJdbcAdapter(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Exact (an anti-join, as {@link #create} runs it) but only over the items that can still be
     * open: a completed run for a month invoiced everything before that month's end that had
     * committed when it ran, so the search starts there, less {@link #LATE_COMMIT_MARGIN} for an
     * order created before the month's end and committed after the run read. Without a completed
     * run it reads the whole history. Before, every hourly check on every instance read every order
     * line ever (about 10 s at 1M lines); now about a month's orders by ix_customer_order_created.
     * An item older than the margin that was somehow missed is not lost: {@link #create} still reads
     * the whole history, so the currency's next invoice takes it.
     */
    @Override
    @ReadOnly
    public List<Currency> currenciesToInvoice(Instant until) {
        Instant from = openSince(until);
        TreeSet<String> codes = new TreeSet<>();
        String uncharged = " AND" + NOT_CHARGED_LINE;
        codes.addAll(from.equals(BEGINNING)
                // The whole history: driven from order_line in key order, as create does (see INSERT_CHARGES).
                ? JdbcRows.list(jdbc, "SELECT /*! STRAIGHT_JOIN */ DISTINCT o.currency FROM order_line l"
                + " JOIN customer_order o ON o.id = l.order_id WHERE o.created_at < ?" + uncharged,
                row -> row.getString(1), until)
                // About a month: driven from customer_order by ix_customer_order_created.
                : JdbcRows.list(jdbc, "SELECT /*! STRAIGHT_JOIN */ DISTINCT o.currency FROM customer_order o"
                + " JOIN order_line l ON l.order_id = o.id WHERE o.created_at >= ? AND o.created_at < ?" + uncharged,
                row -> row.getString(1), from, until));
        codes.addAll(JdbcRows.list(jdbc, "SELECT DISTINCT n.currency FROM credit_note n"
                + " WHERE n.issued_at >= ? AND n.issued_at < ? AND" + NOT_CREDITED_NOTE,
                row -> row.getString(1), from, until));
        // Renewals by ix_subscription_term_currency_starts' second column: a month's renewals are few.
        codes.addAll(JdbcRows.list(jdbc, "SELECT DISTINCT t.currency FROM subscription_term t"
                + " WHERE t.starts_at >= ? AND t.starts_at < ? AND t.term_number > 1 AND" + NOT_CHARGED_TERM,
                row -> row.getString(1), from, until));
        return codes.stream().map(Currency::getInstance).toList();
    }

    /**
     * The end of the latest month with a completed run that ends at or before {@code until}, less
     * the margin; the start of time without one. A run completes only after every currency it found
     * was invoiced (or had nothing), so nothing before it is open (see {@link #currenciesToInvoice}).
     */
    private Instant openSince(Instant until) {
        YearMonth latestPossible = YearMonth.from(until.atZone(ZoneOffset.UTC)).minusMonths(1);
        return JdbcRows.one(jdbc, "SELECT billing_month FROM invoice_run WHERE status = 'completed'"
                        + " AND billing_month <= ? ORDER BY billing_month DESC LIMIT 1", row -> row.getString(1),
                        latestPossible.toString())
                .map(month -> YearMonth.parse(month).plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)
                        .minus(LATE_COMMIT_MARGIN))
                .orElse(BEGINNING);
    }

    @Override
    @ReadOnly
    public boolean exists(YearMonth billingMonth, Currency currency) {
        return JdbcRows.count(jdbc, "SELECT COUNT(*) FROM invoice WHERE billing_month = ? AND currency = ?",
                billingMonth.toString(), currency.getCurrencyCode()) > 0;
    }

    /**
     * The invoice row goes in first, so a second invoice of the month and currency is refused by
     * {@code ux_invoice_month_currency} before anything else happens.
     *
     * <p>Runs in a transaction of its own, READ COMMITTED, whatever the caller's: under MySQL's and
     * MariaDB's default REPEATABLE READ an {@code INSERT … SELECT} share-locks every row and gap it
     * reads, so every order placement and cancellation waited for the whole run (measured on MariaDB:
     * a new order and a cancellation blocked for the 6 s an invoice transaction stayed open; under
     * READ COMMITTED, 0.03 s). READ COMMITTED reads a snapshot per statement and locks only what it
     * inserts: an order committed meanwhile is left for the next invoice, and an item a concurrent
     * invoice took first is refused by {@code ux_invoice_line_item}. So the invoice is committed
     * when this returns, even if the caller's transaction later rolls back.
     */
    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW,
            isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public int create(String invoiceId, YearMonth billingMonth, Currency currency, Instant until, Instant issuedAt) {
        BigDecimal zero = BigDecimal.ZERO;
        JdbcRows.update(jdbc, "INSERT INTO invoice (id, billing_month, currency, issued_at, invoiced_until, line_count,"
                        + " charges_net, charges_tax, charges_gross, credits_net, credits_tax, credits_gross,"
                        + " total_net, total_tax, total_gross) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                invoiceId, billingMonth.toString(), currency.getCurrencyCode(), issuedAt, until,
                zero, zero, zero, zero, zero, zero, zero, zero, zero);
        int lines = JdbcRows.update(jdbc, INSERT_CHARGES, invoiceId, currency.getCurrencyCode(), until)
                + JdbcRows.update(jdbc, INSERT_RENEWALS, invoiceId, currency.getCurrencyCode(), until)
                + JdbcRows.update(jdbc, INSERT_CREDITS, invoiceId, currency.getCurrencyCode(), until);
        if (lines == 0) {
            JdbcRows.update(jdbc, "DELETE FROM invoice WHERE id = ?", invoiceId);
            return 0;
        }
        Object[] sums = JdbcRows.one(jdbc, SUMS, row -> new Object[]{row.getInt(1), row.getBigDecimal(2),
                row.getBigDecimal(3), row.getBigDecimal(4), row.getBigDecimal(5), row.getBigDecimal(6),
                row.getBigDecimal(7), row.getBigDecimal(8), row.getBigDecimal(9), row.getBigDecimal(10)}, invoiceId)
                .orElseThrow();
        Object[] parameters = new Object[sums.length + 1];
        System.arraycopy(sums, 0, parameters, 0, sums.length);
        parameters[sums.length] = invoiceId;
        JdbcRows.update(jdbc, "UPDATE invoice SET line_count = ?, charges_net = ?, charges_tax = ?, charges_gross = ?,"
                + " credits_net = ?, credits_tax = ?, credits_gross = ?, total_net = ?, total_tax = ?, total_gross = ?"
                + " WHERE id = ?", parameters);
        return lines;
    }

    /** Newest month first, then currency A–Z; keyset after the cursor on ux_invoice_month_currency. */
    @Override
    @ReadOnly
    public List<InvoiceView> page(Optional<Cursor> after, int limit) {
        if (limit < 1) {
            return List.of();
        }
        return after.map(cursor -> JdbcRows.list(jdbc, INVOICE
                                + " WHERE billing_month < ? OR (billing_month = ? AND currency > ?)"
                                + " ORDER BY billing_month DESC, currency LIMIT ?", InvoicesJdbcAdapter::invoice,
                        cursor.billingMonth().toString(), cursor.billingMonth().toString(), cursor.currency(), limit))
                .orElseGet(() -> JdbcRows.list(jdbc, INVOICE + " ORDER BY billing_month DESC, currency LIMIT ?",
                        InvoicesJdbcAdapter::invoice, limit));
    }

    @Override
    @ReadOnly
    public long count() {
        return JdbcRows.count(jdbc, "SELECT COUNT(*) FROM invoice");
    }

    @Override
    @ReadOnly
    public Optional<InvoiceView> find(String invoiceId) {
        return JdbcRows.one(jdbc, INVOICE + " WHERE id = ?", InvoicesJdbcAdapter::invoice, invoiceId);
    }

    /**
     * Charges first, then credits ('charge' sorts before 'credit'), each by customer name, order, line:
     * the invoice's rows by the primary key's prefix, sorted by the database.
     */
    @Override
    @ReadOnly
    public List<InvoiceLineView> lines(String invoiceId) {
        Optional<Currency> currency = JdbcRows.one(jdbc, "SELECT currency FROM invoice WHERE id = ?",
                row -> Currency.getInstance(row.getString(1)), invoiceId);
        if (currency.isEmpty()) {
            return List.of();
        }
        Currency c = currency.get();
        return JdbcRows.list(jdbc, "SELECT kind, customer_tenant_id, customer_name, order_id, line_item_number, description,"
                        + " occurred_at, net, tax, gross FROM invoice_line WHERE invoice_id = ?"
                        + " ORDER BY kind, customer_name, order_id, line_item_number, seq",
                row -> new InvoiceLineView(row.getString("kind"), row.getString("customer_tenant_id"),
                        row.getString("customer_name"), row.getString("order_id"), row.getInt("line_item_number"),
                        row.getString("description"), JdbcRows.instant(row, "occurred_at"),
                        amounts(row, "net", "tax", "gross", c, false)),
                invoiceId);
    }

    /**
     * The items of the three kinds no invoice has taken, from where a completed run left off (as
     * {@link #currenciesToInvoice} reads them: about a month) up to {@code until}.
     */
    private static final String UNBILLED = "SELECT kind, currency, customer_tenant_id, customer_name, order_id,"
            + " line_item_number, seq, description, occurred_at, net, tax, gross FROM ("
            + "SELECT '" + CHARGE + "' AS kind, o.currency AS currency, o.customer_tenant_id AS customer_tenant_id,"
            + " COALESCE(c.company_name, o.customer_tenant_id) AS customer_name, l.order_id AS order_id,"
            + " l.line_item_number AS line_item_number, 0 AS seq, l.friendly_name AS description, o.created_at AS occurred_at,"
            + " l.net AS net, l.tax AS tax, l.gross AS gross"
            + " FROM customer_order o JOIN order_line l ON l.order_id = o.id"
            + " LEFT JOIN customer c ON c.tenant_id = o.customer_tenant_id"
            + " WHERE o.created_at >= ? AND o.created_at < ? AND" + NOT_CHARGED_LINE
            + " UNION ALL SELECT '" + CHARGE + "', t.currency, t.customer_tenant_id, COALESCE(c.company_name, t.customer_tenant_id),"
            + " t.order_id, t.line_item_number, t.term_number - 1, l.friendly_name, t.starts_at, t.net, t.tax, t.gross"
            + " FROM subscription_term t"
            + " JOIN order_line l ON l.order_id = t.order_id AND l.line_item_number = t.line_item_number"
            + " LEFT JOIN customer c ON c.tenant_id = t.customer_tenant_id"
            + " WHERE t.starts_at >= ? AND t.starts_at < ? AND t.term_number > 1 AND" + NOT_CHARGED_TERM
            + " UNION ALL SELECT '" + CREDIT + "', n.currency, n.customer_tenant_id, COALESCE(c.company_name, n.customer_tenant_id),"
            + " n.order_id, n.line_item_number, n.seq, l.friendly_name, n.issued_at, -n.net, -n.tax, -n.gross"
            + " FROM credit_note n"
            + " JOIN order_line l ON l.order_id = n.order_id AND l.line_item_number = n.line_item_number"
            + " LEFT JOIN customer c ON c.tenant_id = n.customer_tenant_id"
            + " WHERE n.issued_at >= ? AND n.issued_at < ? AND" + NOT_CREDITED_NOTE
            + ") u";

    @Override
    @ReadOnly
    public List<BillingItem> unbilled(Instant until, Optional<ItemCursor> after, int limit) {
        Instant from = openSince(until);
        List<Object> parameters = new ArrayList<>(List.of(from, until, from, until, from, until));
        String where = "";
        if (after.isPresent()) {
            ItemCursor cursor = after.get();
            where = " WHERE (occurred_at, kind, order_id, line_item_number, seq) > (?, ?, ?, ?, ?)";
            parameters.addAll(List.of(Instant.parse(cursor.first()), cursor.kind(), cursor.orderId(), cursor.lineItemNumber(),
                    cursor.seq()));
        }
        parameters.add(limit);
        return JdbcRows.list(jdbc, UNBILLED + where + " ORDER BY occurred_at, kind, order_id, line_item_number, seq LIMIT ?",
                row -> item(row, Optional.empty(), Optional.empty()), parameters.toArray());
    }

    @Override
    @ReadOnly
    public List<UnbilledTotals> unbilledTotals(Instant until) {
        Instant from = openSince(until);
        return JdbcRows.list(jdbc, "SELECT currency, COUNT(*) AS items,"
                        + " COALESCE(SUM(CASE WHEN kind = '" + CHARGE + "' THEN net END), 0) AS charges_net,"
                        + " COALESCE(SUM(CASE WHEN kind = '" + CHARGE + "' THEN tax END), 0) AS charges_tax,"
                        + " COALESCE(SUM(CASE WHEN kind = '" + CHARGE + "' THEN gross END), 0) AS charges_gross,"
                        + " COALESCE(SUM(CASE WHEN kind = '" + CREDIT + "' THEN net END), 0) AS credits_net,"
                        + " COALESCE(SUM(CASE WHEN kind = '" + CREDIT + "' THEN tax END), 0) AS credits_tax,"
                        + " COALESCE(SUM(CASE WHEN kind = '" + CREDIT + "' THEN gross END), 0) AS credits_gross,"
                        + " SUM(net) AS total_net, SUM(tax) AS total_tax, SUM(gross) AS total_gross"
                        + " FROM (" + UNBILLED + ") totals GROUP BY currency ORDER BY currency",
                row -> {
                    Currency currency = Currency.getInstance(row.getString("currency"));
                    return new UnbilledTotals(currency, row.getLong("items"),
                            amounts(row, "charges_net", "charges_tax", "charges_gross", currency, false),
                            amounts(row, "credits_net", "credits_tax", "credits_gross", currency, false),
                            amounts(row, "total_net", "total_tax", "total_gross", currency, false));
                }, from, until, from, until, from, until);
    }

    /**
     * By the invoice table's billing month (an item lands on the invoice of its month or a later one, never an
     * earlier), then the invoice's lines by the primary key, those of the period kept.
     */
    @Override
    @ReadOnly
    public List<BillingItem> invoiced(Instant from, Instant until, Optional<ItemCursor> after, int limit) {
        List<Object> parameters = new ArrayList<>(List.of(YearMonth.from(from.atZone(ZoneOffset.UTC)).toString(), from, until));
        String where = "";
        if (after.isPresent()) {
            ItemCursor cursor = after.get();
            where = " AND (l.invoice_id, l.kind, l.order_id, l.line_item_number, l.seq) > (?, ?, ?, ?, ?)";
            parameters.addAll(List.of(cursor.first(), cursor.kind(), cursor.orderId(), cursor.lineItemNumber(), cursor.seq()));
        }
        parameters.add(limit);
        return JdbcRows.list(jdbc, "SELECT l.invoice_id, v.billing_month, v.currency, l.kind, l.customer_tenant_id,"
                        + " l.customer_name, l.order_id, l.line_item_number, l.seq, l.description, l.occurred_at, l.net, l.tax, l.gross"
                        + " FROM invoice v JOIN invoice_line l ON l.invoice_id = v.id"
                        + " WHERE v.billing_month >= ? AND l.occurred_at >= ? AND l.occurred_at < ?" + where
                        + " ORDER BY l.invoice_id, l.kind, l.order_id, l.line_item_number, l.seq LIMIT ?",
                row -> item(row, Optional.of(row.getString("invoice_id")), Optional.of(YearMonth.parse(row.getString("billing_month")))),
                parameters.toArray());
    }

    private static BillingItem item(ResultSet row, Optional<String> invoiceId, Optional<YearMonth> month) throws SQLException {
        Currency currency = Currency.getInstance(row.getString("currency"));
        return new BillingItem(invoiceId, month, currency, row.getInt("seq"), new InvoiceLineView(row.getString("kind"),
                row.getString("customer_tenant_id"), row.getString("customer_name"), row.getString("order_id"),
                row.getInt("line_item_number"), row.getString("description"), JdbcRows.instant(row, "occurred_at"),
                amounts(row, "net", "tax", "gross", currency, false)));
    }

    private static InvoiceView invoice(ResultSet row) throws SQLException {
        Currency currency = Currency.getInstance(row.getString("currency"));
        return new InvoiceView(row.getString("id"), YearMonth.parse(row.getString("billing_month")), currency,
                JdbcRows.instant(row, "issued_at"), row.getInt("line_count"),
                amounts(row, "charges_net", "charges_tax", "charges_gross", currency, false),
                amounts(row, "credits_net", "credits_tax", "credits_gross", currency, true),
                amounts(row, "total_net", "total_tax", "total_gross", currency, false));
    }

    private static Amounts amounts(ResultSet row, String net, String tax, String gross, Currency currency, boolean negate)
            throws SQLException {
        Money n = JdbcRows.money(row, net, currency);
        Money t = JdbcRows.money(row, tax, currency);
        Money g = JdbcRows.money(row, gross, currency);
        return negate ? new Amounts(n.negate(), t.negate(), g.negate()) : new Amounts(n, t, g);
    }
}
