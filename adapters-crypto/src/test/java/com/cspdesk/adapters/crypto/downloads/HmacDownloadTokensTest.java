package com.cspdesk.adapters.crypto.downloads;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HmacDownloadTokensTest {

    private final HmacDownloadTokens tokens = new HmacDownloadTokens("a-download-secret-of-at-least-32-bytes!!", false);

    @Test
    void aTokenNamesItsLinkAndAnyChangeIsRefused() {
        String token = tokens.tokenFor("AbCdEfGhIjKlMnOpQrStUvWx");
        assertThat(tokens.linkIdOf(token)).contains("AbCdEfGhIjKlMnOpQrStUvWx");

        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertThat(tokens.linkIdOf(tampered)).isEmpty();
        assertThat(tokens.linkIdOf("AbCdEfGhIjKlMnOpQrStUvWy" + token.substring(token.indexOf('.')))).isEmpty();
        assertThat(tokens.linkIdOf("../../etc/passwd")).isEmpty();
        assertThat(tokens.linkIdOf("..%2F..%2Fetc%2Fpasswd.x")).isEmpty();
        assertThat(tokens.linkIdOf("")).isEmpty();
        assertThat(tokens.linkIdOf("x".repeat(5000))).isEmpty();
    }

    @Test
    void anotherSecretMakesOtherTokens() {
        HmacDownloadTokens other = new HmacDownloadTokens("another-download-secret-of-32-bytes!!!!", false);
        assertThat(other.linkIdOf(tokens.tokenFor("AbCdEfGhIjKlMnOpQrStUvWx"))).isEmpty();
    }

    @Test
    void theSecretIsRequiredAndLongEnoughOutsideTheSandbox() {
        assertThatThrownBy(() -> new HmacDownloadTokens("", false)).hasMessageContaining("CSPDESK_DOWNLOADS_TOKEN_SECRET");
        assertThatThrownBy(() -> new HmacDownloadTokens("short", false)).hasMessageContaining("32 bytes");
        assertThat(new HmacDownloadTokens("", true).tokenFor("AbCdEfGhIjKlMnOp")).startsWith("AbCdEfGhIjKlMnOp.");
    }
}
