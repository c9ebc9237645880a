package com.cspdesk.domain.support;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AttachmentNamesTest {

    @Test
    void bidiControlsAndMarksAreRemovedSoTheNameReadsAsItIs() {
        assertThat(AttachmentNames.clean("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(AttachmentNames.clean("\u202Aa\u202Bb\u202Cc\u202Dd\u202Ee.pdf")).isEqualTo("abcde.pdf");
        assertThat(AttachmentNames.clean("\u2066a\u2067b\u2068c\u2069.pdf")).isEqualTo("abc.pdf");
        assertThat(AttachmentNames.clean("a\u200Eb\u200F.pdf")).isEqualTo("ab.pdf");
    }

    @Test
    void c0DelAndC1ControlsAreRemovedAndTheNeighboursKept() {
        assertThat(AttachmentNames.clean("a\u0000b\u001Fc\u007Fd\u0080e\u009F.txt")).isEqualTo("abcde.txt");
        assertThat(AttachmentNames.clean("line\r\nbreak.txt")).isEqualTo("linebreak.txt");
        assertThat(AttachmentNames.clean("\t order.pdf \u0085")).isEqualTo("order.pdf");
        // Just outside the ranges: kept.
        assertThat(AttachmentNames.clean("\u2065\u206A\u200D\u00A0x.pdf")).isEqualTo("\u2065\u206A\u200D\u00A0x.pdf");
        assertThat(AttachmentNames.clean("Bestätigung ñ 注文.pdf")).isEqualTo("Bestätigung ñ 注文.pdf");
        assertThat(AttachmentNames.clean(null)).isNull();
    }

    @Test
    void eachAllowedExtensionStandsForOneTypeWhateverItsCase() {
        assertThat(AttachmentNames.typeOf("a.pdf")).contains("application/pdf");
        assertThat(AttachmentNames.typeOf("a.PNG")).contains("image/png");
        assertThat(AttachmentNames.typeOf("a.jpg")).contains("image/jpeg");
        assertThat(AttachmentNames.typeOf("a.Jpeg")).contains("image/jpeg");
        assertThat(AttachmentNames.typeOf("a.txt")).contains("text/plain");
        assertThat(AttachmentNames.typeOf("a.csv")).contains("text/csv");
        assertThat(AttachmentNames.typeOf("a.docx")).contains(AttachmentNames.DOCX);
        assertThat(AttachmentNames.typeOf("a.b.xlsx")).contains(AttachmentNames.XLSX);
        assertThat(AttachmentNames.ALLOWED_TYPES).hasSize(7);
    }

    @Test
    void noExtensionOrOneNotAllowedStandsForNothing() {
        assertThat(AttachmentNames.typeOf("README")).isEmpty();
        assertThat(AttachmentNames.typeOf("archive.zip")).isEmpty();
        assertThat(AttachmentNames.typeOf("setup.exe")).isEmpty();
        assertThat(AttachmentNames.typeOf("report.pdf.exe")).isEmpty();
        assertThat(AttachmentNames.typeOf("report.doc")).isEmpty();
        assertThat(AttachmentNames.typeOf("trailing.")).isEmpty();
        assertThat(AttachmentNames.typeOf(null)).isEqualTo(Optional.empty());
    }
}
