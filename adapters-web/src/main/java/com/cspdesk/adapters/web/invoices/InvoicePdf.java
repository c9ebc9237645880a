package com.cspdesk.adapters.web.invoices;

import com.cspdesk.adapters.web.i18n.Messages;
import com.cspdesk.application.invoicing.port.in.InvoiceViews;
import com.cspdesk.domain.money.Money;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An invoice as a PDF a person wants to read: the invoice number and billing month as the title,
 * the partner, issue date and currency, then a table of charges and one of credits, each grouped
 * by customer with order id, line, description (and the day), net, tax and gross right-aligned,
 * a subtotal per customer and a total per table, the invoice's totals, and the note that prices
 * in Australia and Brazil include tax. Texts come from the bundles and money is formatted for
 * the caller's language.
 *
 * <p>The font is Liberation Sans, which OpenPDF ships as its fallback font, embedded as a subset
 * with Identity-H encoding, so Hungarian, Polish and Turkish letters (ő, ł, ş, ı) print and the
 * text can be searched and extracted.
 */
final class InvoicePdf {

    static final String CHARGE = "charge";
    static final String CREDIT = "credit";
    private static final String FONT_RESOURCE = "/font-fallback/LiberationSans-Regular.ttf";
    private static final Color RULE = new Color(0x99, 0x99, 0x99);
    private static final Color BAND = new Color(0xEE, 0xF1, 0xF5);
    private static final Color HEAD = new Color(0x24, 0x3B, 0x55);
    private static final Color MUTED = new Color(0x55, 0x55, 0x55);
    private static final float[] COLUMNS = {30f, 6f, 31f, 11f, 11f, 11f};
    private static volatile byte[] fontBytes;

    private final Messages messages;
    private final String partnerName;

    InvoicePdf(Messages messages, String partnerName) {
        this.messages = messages;
        this.partnerName = partnerName;
    }

    byte[] render(InvoiceViews.InvoiceView invoice, List<InvoiceViews.InvoiceLineView> lines, Locale locale) {
        Texts texts = new Texts(messages, locale);
        InvoiceFormats formats = new InvoiceFormats(locale);
        Fonts fonts = Fonts.create();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 36, 36, 40, 48);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, bytes);
            writer.setPageEvent(new Footer(fonts, texts, invoice.id()));
            document.addTitle(texts.get("invoice.pdf.title", invoice.id()));
            document.addAuthor(partnerName);
            document.addCreator("CSP Software Desk");
            document.open();

            Paragraph title = new Paragraph(texts.get("invoice.pdf.title", invoice.id()), fonts.title);
            title.setSpacingAfter(2);
            document.add(title);
            String month = formats.month(invoice.billingMonth(), texts.get("invoice.pdf.month_pattern"));
            Paragraph subtitle = new Paragraph(texts.get("invoice.pdf.billing_month") + ": " + month, fonts.subtitle);
            subtitle.setSpacingAfter(12);
            document.add(subtitle);
            document.add(facts(invoice, texts, formats, fonts, month));

            List<InvoiceViews.InvoiceLineView> charges = lines.stream().filter(l -> CHARGE.equals(l.kind())).toList();
            List<InvoiceViews.InvoiceLineView> credits = lines.stream().filter(l -> !CHARGE.equals(l.kind())).toList();
            section(document, texts.get("invoice.pdf.charges"), texts.get("invoice.pdf.total_charges"), charges,
                    invoice.currency(), texts, formats, fonts);
            section(document, texts.get("invoice.pdf.credits"), texts.get("invoice.pdf.total_credits"), credits,
                    invoice.currency(), texts, formats, fonts);
            document.add(totals(invoice, texts, formats, fonts));

            Paragraph note = new Paragraph(texts.get("invoice.pdf.tax_note"), fonts.note);
            note.setSpacingBefore(14);
            document.add(note);
            Paragraph credited = new Paragraph(texts.get("invoice.pdf.credit_note"), fonts.note);
            credited.setSpacingBefore(4);
            document.add(credited);
        } catch (DocumentException e) {
            throw new IllegalStateException("the invoice PDF could not be built", e);
        } finally {
            if (document.isOpen()) {
                document.close();
            }
        }
        return bytes.toByteArray();
    }

    /** Invoice number, partner, billing month, issue date and currency, as label–value rows. */
    private PdfPTable facts(InvoiceViews.InvoiceView invoice, Texts texts, InvoiceFormats formats, Fonts fonts, String month) {
        PdfPTable table = new PdfPTable(new float[]{30f, 70f});
        table.setWidthPercentage(75);
        table.setHorizontalAlignment(Element.ALIGN_LEFT);
        table.setSpacingAfter(10);
        fact(table, texts.get("invoice.pdf.invoice_number"), invoice.id(), fonts);
        fact(table, texts.get("invoice.pdf.partner"), partnerName, fonts);
        fact(table, texts.get("invoice.pdf.billing_month"), month, fonts);
        fact(table, texts.get("invoice.pdf.issued"), invoice.issuedAt() == null ? "" : formats.day(invoice.issuedAt()), fonts);
        fact(table, texts.get("invoice.pdf.currency"), invoice.currency().getCurrencyCode() + " – "
                + formats.currencyName(invoice.currency()), fonts);
        return table;
    }

    private static void fact(PdfPTable table, String label, String value, Fonts fonts) {
        PdfPCell name = new PdfPCell(new Phrase(label, fonts.label));
        name.setBorder(Rectangle.NO_BORDER);
        name.setPadding(2);
        table.addCell(name);
        PdfPCell text = new PdfPCell(new Phrase(value, fonts.body));
        text.setBorder(Rectangle.NO_BORDER);
        text.setPadding(2);
        table.addCell(text);
    }

    /** One table (charges or credits): grouped by customer in the invoice's order, subtotals, and the table's total. */
    private void section(Document document, String heading, String totalLabel, List<InvoiceViews.InvoiceLineView> lines,
                         Currency currency, Texts texts, InvoiceFormats formats, Fonts fonts) throws DocumentException {
        Paragraph title = new Paragraph(heading, fonts.heading);
        title.setSpacingBefore(10);
        title.setSpacingAfter(4);
        document.add(title);
        if (lines.isEmpty()) {
            document.add(new Paragraph(texts.get("invoice.pdf.none"), fonts.body));
            return;
        }
        PdfPTable table = new PdfPTable(COLUMNS);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String column : List.of("order", "line", "description", "net", "tax", "gross")) {
            PdfPCell cell = new PdfPCell(new Phrase(texts.get("invoice.pdf.column." + column), fonts.columnHead));
            cell.setBackgroundColor(HEAD);
            cell.setPadding(4);
            cell.setBorderColor(HEAD);
            cell.setHorizontalAlignment(List.of("net", "tax", "gross").contains(column) ? Element.ALIGN_RIGHT
                    : column.equals("line") ? Element.ALIGN_CENTER : Element.ALIGN_LEFT);
            table.addCell(cell);
        }
        Map<String, List<InvoiceViews.InvoiceLineView>> byCustomer = new LinkedHashMap<>();
        for (InvoiceViews.InvoiceLineView line : lines) {
            byCustomer.computeIfAbsent(line.customerTenantId(), key -> new ArrayList<>()).add(line);
        }
        Sum total = new Sum(currency);
        for (List<InvoiceViews.InvoiceLineView> customerLines : byCustomer.values()) {
            InvoiceViews.InvoiceLineView first = customerLines.get(0);
            PdfPCell customer = new PdfPCell();
            customer.setColspan(COLUMNS.length);
            customer.setBackgroundColor(BAND);
            customer.setBorderColor(RULE);
            customer.setPadding(4);
            Phrase name = new Phrase(first.customerName() == null ? first.customerTenantId() : first.customerName(), fonts.bold);
            name.add(new Chunk("   " + texts.get("invoice.pdf.tenant") + " " + first.customerTenantId(), fonts.small));
            customer.setPhrase(name);
            table.addCell(customer);
            Sum subtotal = new Sum(currency);
            for (InvoiceViews.InvoiceLineView line : customerLines) {
                table.addCell(text(line.orderId(), fonts.small, Element.ALIGN_LEFT));
                table.addCell(text(String.valueOf(line.lineItemNumber()), fonts.body, Element.ALIGN_CENTER));
                PdfPCell description = text(line.description() == null ? "" : line.description(), fonts.body, Element.ALIGN_LEFT);
                if (line.occurredAt() != null) {
                    description.getPhrase().add(new Chunk("\n" + formats.shortDay(line.occurredAt()), fonts.small));
                }
                table.addCell(description);
                table.addCell(text(formats.money(line.amounts().net()), fonts.body, Element.ALIGN_RIGHT));
                table.addCell(text(formats.money(line.amounts().tax()), fonts.body, Element.ALIGN_RIGHT));
                table.addCell(text(formats.money(line.amounts().gross()), fonts.body, Element.ALIGN_RIGHT));
                subtotal.add(line.amounts());
            }
            sumRow(table, texts.get("invoice.pdf.subtotal"), subtotal, formats, fonts.bold, null);
            total.add(subtotal);
        }
        sumRow(table, totalLabel, total, formats, fonts.bold, BAND);
        document.add(table);
    }

    /** Charges, credits and the invoice's total, as the invoice records them. */
    private PdfPTable totals(InvoiceViews.InvoiceView invoice, Texts texts, InvoiceFormats formats, Fonts fonts) {
        PdfPTable table = new PdfPTable(new float[]{67f, 11f, 11f, 11f});
        table.setWidthPercentage(100);
        table.setSpacingBefore(16);
        for (String column : List.of("", "net", "tax", "gross")) {
            PdfPCell cell = new PdfPCell(new Phrase(column.isEmpty() ? texts.get("invoice.pdf.summary")
                    : texts.get("invoice.pdf.column." + column), fonts.columnHead));
            cell.setBackgroundColor(HEAD);
            cell.setBorderColor(HEAD);
            cell.setPadding(4);
            cell.setHorizontalAlignment(column.isEmpty() ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
            table.addCell(cell);
        }
        summaryRow(table, texts.get("invoice.pdf.total_charges"), invoice.charges(), formats, fonts.body, null);
        summaryRow(table, texts.get("invoice.pdf.total_credits"), invoice.credits(), formats, fonts.body, null);
        summaryRow(table, texts.get("invoice.pdf.total"), invoice.total(), formats, fonts.totalBold, BAND);
        table.setKeepTogether(true);
        return table;
    }

    private static void summaryRow(PdfPTable table, String label, InvoiceViews.Amounts amounts, InvoiceFormats formats,
                                   Font font, Color background) {
        PdfPCell name = text(label, font, Element.ALIGN_LEFT);
        name.setBackgroundColor(background);
        table.addCell(name);
        for (Money money : List.of(amounts.net(), amounts.tax(), amounts.gross())) {
            PdfPCell cell = text(formats.money(money), font, Element.ALIGN_RIGHT);
            cell.setBackgroundColor(background);
            table.addCell(cell);
        }
    }

    private static void sumRow(PdfPTable table, String label, Sum sum, InvoiceFormats formats, Font font, Color background) {
        PdfPCell name = text(label, font, Element.ALIGN_RIGHT);
        name.setColspan(3);
        name.setBackgroundColor(background);
        table.addCell(name);
        for (Money money : List.of(sum.net, sum.tax, sum.gross)) {
            PdfPCell cell = text(formats.money(money), font, Element.ALIGN_RIGHT);
            cell.setBackgroundColor(background);
            table.addCell(cell);
        }
    }

    private static PdfPCell text(String value, Font font, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(value, font));
        cell.setHorizontalAlignment(alignment);
        cell.setVerticalAlignment(Element.ALIGN_TOP);
        cell.setBorderColor(RULE);
        cell.setBorderWidth(0.5f);
        cell.setPadding(3);
        cell.setPaddingBottom(4);
        return cell;
    }

    /** A running sum of net, tax and gross: the plain sum of the lines (already exact), never rounded again. */
    private static final class Sum {
        Money net;
        Money tax;
        Money gross;

        Sum(Currency currency) {
            net = Money.zero(currency);
            tax = Money.zero(currency);
            gross = Money.zero(currency);
        }

        void add(InvoiceViews.Amounts amounts) {
            net = net.plus(amounts.net());
            tax = tax.plus(amounts.tax());
            gross = gross.plus(amounts.gross());
        }

        void add(Sum other) {
            net = net.plus(other.net);
            tax = tax.plus(other.tax);
            gross = gross.plus(other.gross);
        }
    }

    /** "INV-2026-11-EUR · Page 2" at the foot of every page. */
    private static final class Footer extends PdfPageEventHelper {
        private final Fonts fonts;
        private final Texts texts;
        private final String invoiceId;

        Footer(Fonts fonts, Texts texts, String invoiceId) {
            this.fonts = fonts;
            this.texts = texts;
            this.invoiceId = invoiceId;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            Phrase footer = new Phrase(invoiceId + "  ·  " + texts.get("invoice.pdf.page", writer.getPageNumber()), fonts.small);
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_RIGHT, footer,
                    document.right(), document.bottom() - 20, 0);
        }
    }

    private record Texts(Messages messages, Locale locale) {
        String get(String key, Object... arguments) {
            return messages.get(key, locale, arguments);
        }
    }

    /** The fonts of one document; bold is Liberation Sans drawn with a stroke (OpenPDF's simulated bold). */
    private record Fonts(Font title, Font subtitle, Font heading, Font label, Font body, Font bold, Font totalBold,
                         Font small, Font note, Font columnHead) {

        static Fonts create() {
            BaseFont base = baseFont();
            return new Fonts(new Font(base, 18, Font.BOLD, HEAD), new Font(base, 11, Font.NORMAL, MUTED),
                    new Font(base, 12, Font.BOLD, HEAD), new Font(base, 9, Font.NORMAL, MUTED),
                    new Font(base, 8.5f, Font.NORMAL, Color.BLACK), new Font(base, 8.5f, Font.BOLD, Color.BLACK),
                    new Font(base, 9.5f, Font.BOLD, Color.BLACK), new Font(base, 7, Font.NORMAL, MUTED),
                    new Font(base, 8, Font.ITALIC, MUTED), new Font(base, 8.5f, Font.BOLD, Color.WHITE));
        }

        private static BaseFont baseFont() {
            try {
                return BaseFont.createFont("LiberationSans-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false,
                        fontBytes(), null);
            } catch (DocumentException | IOException e) {
                throw new IllegalStateException("the invoice font could not be loaded", e);
            }
        }
    }

    private static byte[] fontBytes() {
        byte[] bytes = fontBytes;
        if (bytes == null) {
            try (InputStream in = BaseFont.class.getResourceAsStream(FONT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("OpenPDF's fallback font " + FONT_RESOURCE + " is missing");
                }
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            fontBytes = bytes;
        }
        return bytes;
    }
}
