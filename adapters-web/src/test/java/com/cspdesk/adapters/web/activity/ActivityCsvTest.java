package com.cspdesk.adapters.web.activity;

import com.cspdesk.application.activity.port.in.ActivityRecordView;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityCsvTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"})
    void aCellASpreadsheetWouldEvaluateIsPrefixed(String cell) {
        assertThat(ActivityCsv.safe(cell)).isEqualTo("'" + cell);
    }

    @Test
    void ordinaryCellsStayAsTheyAre() {
        assertThat(ActivityCsv.safe("Contoso Hungary Kft.")).isEqualTo("Contoso Hungary Kft.");
        assertThat(ActivityCsv.safe("a=b")).isEqualTo("a=b");
        assertThat(ActivityCsv.safe("")).isEmpty();
        assertThat(ActivityCsv.safe(null)).isEmpty();
    }

    @Test
    void theExportHasAHeaderRowAndOneQuotedLinePerRecord() throws IOException {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("version", "2019");
        data.put("language", "de-DE");
        ActivityRecordView record = new ActivityRecordView("r1", Instant.parse("2026-11-21T08:30:00Z"), "update_order",
                "cancel_order", "succeeded", "admin.agent@partner.demo", null, "5c1f9d3e-8a4b-4f61-9e2a-3b7c0d1e2f40",
                "=cmd|' /C calc'!A0, \"Contoso\"\nKft.", "order", "order", "o1", data);
        StringWriter out = new StringWriter();
        try (ActivityCsv csv = new ActivityCsv(out)) {
            csv.write(record);
        }
        String text = out.toString();
        assertThat(text).startsWith("id,operationDate,operationType,operationKind,operationStatus,userPrincipalName,"
                + "applicationId,customerId,customerName,resourceType,resourceKind,resourceId,customizedData\r\n");

        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
        assertThat(rows).hasSize(2);
        CSVRecord row = rows.get(1);
        assertThat(row.get(0)).isEqualTo("r1");
        assertThat(row.get(1)).isEqualTo("2026-11-21T08:30:00Z");
        // Partner Center's type, then our kind: a cancellation is PC's order update.
        assertThat(row.get(2)).isEqualTo("update_order");
        assertThat(row.get(3)).isEqualTo("cancel_order");
        assertThat(row.get(4)).isEqualTo("succeeded");
        assertThat(row.get(5)).isEqualTo("admin.agent@partner.demo");
        assertThat(row.get(6)).isEmpty();
        assertThat(row.get(8)).isEqualTo("'=cmd|' /C calc'!A0, \"Contoso\"\nKft.");
        assertThat(row.get(9)).isEqualTo("order");
        assertThat(row.get(10)).isEqualTo("order");
        assertThat(row.get(11)).isEqualTo("o1");
        assertThat(row.get(12)).isEqualTo("version=2019; language=de-DE");
    }
}
