package com.cspdesk.adapters.files.support;

import com.cspdesk.application.support.SupportDesk;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What tika-core alone tells apart, and what it cannot (zip containers are not opened). */
class TikaContentSnifferTest {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final TikaContentSniffer sniffer = new TikaContentSniffer();

    @Test
    void pdfPngAndJpegAreToldByTheirBytesWhateverTheirName() {
        assertThat(sniffer.detect(pdf(), "refund.pdf")).isEqualTo("application/pdf");
        assertThat(sniffer.detect(pdf(), "refund.png")).isEqualTo("application/pdf");
        assertThat(sniffer.detect(pdf(), null)).isEqualTo("application/pdf");
        assertThat(sniffer.detect(png(), "screenshot.png")).isEqualTo("image/png");
        assertThat(sniffer.detect(png(), "screenshot.pdf")).isEqualTo("image/png");
        assertThat(sniffer.detect(jpeg(), "photo.jpg")).isEqualTo("image/jpeg");
        assertThat(sniffer.detect(jpeg(), "photo.jpeg")).isEqualTo("image/jpeg");
    }

    @Test
    void plainTextAndCsvAreTextTheNameTellingCsvFromPlain() {
        byte[] text = "Refund reason: the order was placed twice.\r\nThanks, Anna\n".getBytes(StandardCharsets.UTF_8);
        byte[] csv = "orderId,lineItemNumber,amount\n5c1f9d3e,1,4318.99\n".getBytes(StandardCharsets.UTF_8);
        byte[] german = "Rückerstattung für die Bestellung – doppelt gekauft.\n".getBytes(StandardCharsets.UTF_8);

        assertThat(sniffer.detect(text, "notes.txt")).isEqualTo("text/plain");
        assertThat(sniffer.detect(german, "notiz.txt")).isEqualTo("text/plain");
        assertThat(sniffer.detect(csv, "orders.csv")).isEqualTo("text/csv");
        assertThat(sniffer.detect(csv, "orders.txt")).isEqualTo("text/plain");
        // A name cannot make text a PDF.
        assertThat(sniffer.detect(text, "notes.pdf")).isEqualTo("text/plain");
    }

    @Test
    void officeDocumentsAreToldByTheirFirstZipEntryAndTheirName() throws IOException {
        byte[] docx = zip("[Content_Types].xml", "_rels/.rels", "word/document.xml");
        byte[] xlsx = zip("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml");

        assertThat(sniffer.detect(docx, "statement.docx")).isEqualTo(DOCX);
        assertThat(sniffer.detect(xlsx, "refunds.xlsx")).isEqualTo(XLSX);
        // tika-core alone does not open the package: without the name it is only "some OOXML", named
        // .zip it is a zip, and the name decides between Word and Excel.
        assertThat(sniffer.detect(docx, null)).isEqualTo("application/x-tika-ooxml");
        assertThat(sniffer.detect(docx, "statement.zip")).isEqualTo("application/zip");
        assertThat(sniffer.detect(xlsx, "refunds.docx")).isEqualTo(DOCX);
        // A zip that is no Office package by its first entry stays a zip whatever its name.
        assertThat(sniffer.detect(zip("payload.bin"), "statement.docx")).isEqualTo("application/zip");
        assertThat(sniffer.detect(zip("payload.bin"), "refunds.xlsx")).isEqualTo("application/zip");
        assertThat(sniffer.detect(zip("payload.bin"), "payload.zip")).isEqualTo("application/zip");
    }

    @Test
    void anExecutableNamedPdfIsAnExecutableAndRefusedByTheDesk() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3c] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';

        String type = sniffer.detect(exe, "invoice.pdf");

        assertThat(type).isNotEqualTo("application/pdf").startsWith("application/x-msdownload");
        assertThat(SupportDesk.ALLOWED_TYPES).doesNotContain(type);
        assertThat(sniffer.detect(exe, "setup.exe")).isEqualTo(type);
    }

    @Test
    void bytesTikaDoesNotRecogniseAreNotWhatTheirNameSays() {
        byte[] unknown = {0x01, 0x02, 0x03, 0x00, (byte) 0xFE, 0x7F, 0x00, 0x11};

        assertThat(sniffer.detect(unknown, "refund.pdf")).isEqualTo("application/octet-stream");
        assertThat(sniffer.detect(unknown, "refund.docx")).isEqualTo("application/octet-stream");
        assertThat(sniffer.detect(new byte[]{'%', 'P', 'D', 'F', '-', '1', '.', '4', '\n'}, "x.bin")).isEqualTo("application/pdf");
    }

    @Test
    void htmlAndSvgAreToldApartFromTheImagesAndTextTheyAreNamedAs() {
        assertThat(sniffer.detect("<html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8), "notes.txt"))
                .isEqualTo("text/html");
        assertThat(sniffer.detect("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8), "logo.png"))
                .isEqualTo("image/svg+xml");
    }

    private static byte[] pdf() {
        return ("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] png() {
        return new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R',
                0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0};
    }

    private static byte[] jpeg() {
        return new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0,
                0, 1, 0, 1, 0, 0};
    }

    private static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("<?xml version=\"1.0\"?><x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
