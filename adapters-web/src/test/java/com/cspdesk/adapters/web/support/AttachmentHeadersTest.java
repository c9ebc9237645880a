package com.cspdesk.adapters.web.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An attachment always leaves as a download, and its name cannot break out of the header. */
class AttachmentHeadersTest {

    @Test
    void anOrdinaryNameIsKeptAndTheDispositionIsAlwaysAttachment() {
        assertThat(ServiceRequestsController.contentDisposition("invoice copy.pdf"))
                .isEqualTo("attachment; filename=\"invoice copy.pdf\"; filename*=UTF-8''invoice%20copy.pdf");
    }

    @Test
    void quotesLineBreaksAndNonAsciiLettersCannotInjectAnything() {
        String header = ServiceRequestsController.contentDisposition("a\"; inline\r\nX-Evil: 1 Számla ő.pdf");
        assertThat(header).startsWith("attachment; filename=\"a__ inline__X-Evil_ 1 Sz_mla _.pdf\"; filename*=UTF-8''");
        assertThat(header).doesNotContain("\r", "\n").contains("Sz%C3%A1mla%20%C5%91.pdf");
        assertThat(header.indexOf('"', "attachment; filename=\"".length())).isEqualTo(header.indexOf("\"; filename*"));
    }

    @Test
    void aMissingNameStillDownloads() {
        assertThat(ServiceRequestsController.contentDisposition(null)).startsWith("attachment; filename=\"attachment\"");
    }
}
