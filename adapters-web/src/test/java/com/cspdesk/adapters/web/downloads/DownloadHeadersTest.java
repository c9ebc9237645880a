package com.cspdesk.adapters.web.downloads;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class DownloadHeadersTest {

    @Test
    void thePlainNameIsQuoted() {
        assertThat(DownloadsController.contentDisposition("SQLServer2019-x64-DEU.iso"))
                .isEqualTo("attachment; filename=\"SQLServer2019-x64-DEU.iso\"");
    }

    @Test
    void quotesAndControlCharactersCannotBreakOutOfTheHeader() {
        String header = DownloadsController.contentDisposition("a\"b\r\nSet-Cookie: x=1;.iso");
        assertThat(header).doesNotContain("\r", "\n").startsWith("attachment; filename=\"a_b__Set-Cookie: x=1_.iso\"");
        assertThat(header).contains("filename*=UTF-8''a%22b%0D%0ASet-Cookie%3A%20x%3D1%3B.iso");
    }

    @Test
    void aNameBeyondAsciiAlsoTravelsAsRfc8187() {
        assertThat(DownloadsController.contentDisposition("Windows Server Árvíztűrő.iso"))
                .isEqualTo("attachment; filename=\"Windows Server _rv_zt_r_.iso\"; "
                        + "filename*=UTF-8''Windows%20Server%20%C3%81rv%C3%ADzt%C5%B1r%C5%91.iso");
    }

    @Test
    void theDigestIsTheBase64OfTheSha256() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("hello".getBytes(StandardCharsets.UTF_8));
        assertThat(DownloadsController.base64(HexFormat.of().formatHex(digest)))
                .isEqualTo(Base64.getEncoder().encodeToString(digest))
                .isEqualTo("LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=");
    }

    @Test
    void aBoundedStreamStopsAtItsLimit() throws IOException {
        byte[] bytes = "0123456789".getBytes(StandardCharsets.US_ASCII);
        ByteArrayInputStream source = new ByteArrayInputStream(bytes);
        source.skip(2);
        try (BoundedInputStream part = new BoundedInputStream(source, 5)) {
            assertThat(new String(part.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("23456");
            assertThat(part.read()).isEqualTo(-1);
        }
        try (BoundedInputStream single = new BoundedInputStream(new ByteArrayInputStream(bytes), 2)) {
            assertThat(single.read()).isEqualTo('0');
            assertThat(single.read()).isEqualTo('1');
            assertThat(single.read()).isEqualTo(-1);
            assertThat(single.available()).isZero();
        }
    }
}
