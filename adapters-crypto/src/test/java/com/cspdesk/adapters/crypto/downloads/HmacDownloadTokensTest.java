package com.cspdesk.adapters.crypto.downloads;

import com.cspdesk.adapters.crypto.secrets.SandboxSecrets;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HmacDownloadTokensTest {

    private final HmacDownloadTokens tokens = new HmacDownloadTokens("a-download-secret-of-at-least-32-bytes!!", null);

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
        HmacDownloadTokens other = new HmacDownloadTokens("another-download-secret-of-32-bytes!!!!", null);
        assertThat(other.linkIdOf(tokens.tokenFor("AbCdEfGhIjKlMnOpQrStUvWx"))).isEmpty();
    }

    @Test
    void theSecretIsRequiredAndLongEnoughOutsideTheSandbox() {
        assertThatThrownBy(() -> new HmacDownloadTokens("", null)).hasMessageContaining("CSPDESK_DOWNLOADS_TOKEN_SECRET");
        assertThatThrownBy(() -> new HmacDownloadTokens("short", null)).hasMessageContaining("32 bytes");
    }

    /** Sandbox mode without a secret: the sandbox's kept one, so links issued before a restart still work after it. */
    @Test
    void inTheSandboxTheKeptSecretIsUsedAndTheSameOneKeepsTokensValid() {
        Map<String, String> folder = new HashMap<>();
        SandboxSecrets kept = (name, first) -> folder.computeIfAbsent(name, n -> first.get());
        HmacDownloadTokens before = new HmacDownloadTokens("", kept);
        HmacDownloadTokens afterRestart = new HmacDownloadTokens(null, kept);

        assertThat(folder).containsOnlyKeys("download-token-secret");
        assertThat(folder.get("download-token-secret").getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSizeGreaterThanOrEqualTo(32);
        assertThat(afterRestart.linkIdOf(before.tokenFor("AbCdEfGhIjKlMnOp"))).contains("AbCdEfGhIjKlMnOp");
        assertThat(new HmacDownloadTokens("", (name, first) -> first.get()).linkIdOf(before.tokenFor("AbCdEfGhIjKlMnOp")))
                .as("another data folder").isEmpty();
        assertThat(new HmacDownloadTokens("a-configured-secret-of-at-least-32-bytes", kept).tokenFor("AbCdEfGhIjKlMnOp"))
                .as("a configured secret wins").isNotEqualTo(before.tokenFor("AbCdEfGhIjKlMnOp"));
    }
}
