package com.cspdesk.adapters.web.invoices;

import com.cspdesk.adapters.web.i18n.Messages;
import com.cspdesk.application.invoicing.port.in.InvoiceViews;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The invoice PDF builds, and its text is what a reader needs, in the reader's language. */
class InvoicePdfTest {

    private final InvoicePdf pdf = new InvoicePdf(new Messages(), "CSP Software Desk demo partner");

    @Test
    void anEnglishInvoiceNamesTheInvoiceMonthPartnerAndEveryAmount() throws IOException {
        byte[] document = pdf.render(InvoiceSamples.invoice(), InvoiceSamples.lines(), Locale.ENGLISH);

        assertThat(new String(document, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String text = text(document);
        assertThat(text).contains("Invoice INV-2026-11-EUR", "November 2026", "CSP Software Desk demo partner",
                "December 1, 2026", "EUR", "Charges", "Credits", "Contoso GmbH", "=Kovács & Söhne Kft.",
                InvoiceSamples.ORDER_1, InvoiceSamples.ORDER_2, "Windows Server 2022 Standard", "SQL Server 2022 Standard",
                "Subtotal", "Total charges", "Total credits", "Invoice total",
                "€1,000.00", "€190.00", "€1,190.00", "€2,499.00", "-€1,190.00", "€1,309.00",
                "Australia and Brazil include tax");
    }

    @Test
    void aGermanInvoiceUsesGermanTextsAndMoney() throws IOException {
        byte[] document = pdf.render(InvoiceSamples.invoice(), InvoiceSamples.lines(), Locale.GERMAN);
        // Kept under target/ to look at.
        Files.write(Path.of("target", "InvoicePdfTest-de.pdf"), document);
        String text = text(document);

        assertThat(text).contains("Rechnung INV-2026-11-EUR", "November 2026", "Belastungen", "Gutschriften",
                "Zwischensumme", "Rechnungsbetrag", "1.190,00 €", "2.499,00 €", "-1.190,00 €", "Australien und Brasilien");
    }

    @Test
    void hungarianPolishAndTurkishLettersSurviveTheFont() throws IOException {
        assertThat(text(pdf.render(InvoiceSamples.invoice(), InvoiceSamples.lines(), Locale.forLanguageTag("hu"))))
                .contains("Számla végösszege", "Jóváírások", "2026. november");
        assertThat(text(pdf.render(InvoiceSamples.invoice(), InvoiceSamples.lines(), Locale.forLanguageTag("pl"))))
                .contains("Uznania", "Miesiąc rozliczeniowy", "listopad 2026");
        assertThat(text(pdf.render(InvoiceSamples.invoice(), InvoiceSamples.lines(), Locale.forLanguageTag("tr"))))
                .contains("Özet", "Alacaklar", "Kasım 2026");
        assertThat(text(pdf.render(InvoiceSamples.invoice(), InvoiceSamples.lines(), Locale.forLanguageTag("sv"))))
                .contains("Krediteringar", "Att betala", "november 2026");
    }

    @Test
    void anInvoiceWithoutCreditsSaysSoAndAHundredLinesRunOverSeveralPages() throws IOException {
        List<InvoiceViews.InvoiceLineView> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add(new InvoiceViews.InvoiceLineView("charge", InvoiceSamples.CONTOSO, "Contoso GmbH", "order-" + i, i,
                    "Windows Server 2022 Standard", Instant.parse("2026-11-03T10:00:00Z"),
                    InvoiceSamples.amounts("10.00", "1.90", "11.90")));
        }
        byte[] document = pdf.render(InvoiceSamples.invoice(), many, Locale.ENGLISH);
        PdfReader reader = new PdfReader(document);
        try {
            assertThat(reader.getNumberOfPages()).isGreaterThan(1);
            StringBuilder all = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                all.append(new PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
            }
            assertThat(all.toString()).contains("order-0", "order-99", "None in this billing month.", "€1,190.00", "Page 2");
        } finally {
            reader.close();
        }
    }

    static String text(byte[] document) throws IOException {
        PdfReader reader = new PdfReader(document);
        try {
            StringBuilder text = new StringBuilder();
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString().replaceAll("[ \\u00A0]+", " ");
        } finally {
            reader.close();
        }
    }
}
