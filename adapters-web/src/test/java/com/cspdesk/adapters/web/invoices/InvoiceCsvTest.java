package com.cspdesk.adapters.web.invoices;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InvoiceCsvTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"})
    void aTextCellASpreadsheetWouldEvaluateIsPrefixed(String cell) {
        assertThat(InvoiceCsv.safe(cell)).isEqualTo("'" + cell);
    }

    @Test
    void theDocumentHasAHeaderAndOneRowPerLineWithNegativeCreditsKeptAsNumbers() throws IOException {
        byte[] csv = InvoiceCsv.write(InvoiceSamples.invoice(), InvoiceSamples.lines());
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("invoiceId,billingMonth,currencyCode,kind,customerId,customerName,orderId,"
                + "lineItemNumber,description,occurredAt,net,tax,gross\r\n");

        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("customerName")).isEqualTo("Contoso GmbH");
        assertThat(rows.get(0).get("gross")).isEqualTo("1190.00");
        assertThat(rows.get(1).get("customerName")).as("a formula stays text").isEqualTo("'=Kovács & Söhne Kft.");
        assertThat(rows.get(2).get("kind")).isEqualTo("credit");
        assertThat(rows.get(2).get("net")).isEqualTo("-1000.00");
        assertThat(rows.get(2).get("tax")).isEqualTo("-190.00");
        assertThat(rows.get(2).get("gross")).as("amounts are numbers, never guarded").isEqualTo("-1190.00");
        assertThat(rows.get(2).get("occurredAt")).isEqualTo("2026-11-25T12:00:00Z");
        assertThat(rows.get(2).get("billingMonth")).isEqualTo("2026-11");
    }
}
