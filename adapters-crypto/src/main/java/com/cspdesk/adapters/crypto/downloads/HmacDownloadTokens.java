package com.cspdesk.adapters.crypto.downloads;

import com.cspdesk.adapters.crypto.secrets.SandboxSecrets;
import com.cspdesk.application.software.port.out.DownloadTokens;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.context.annotation.Context;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Download tokens: the link's random id and an HMAC-SHA256 of it under
 * {@code cspdesk.downloads.token-secret} ({@code CSPDESK_DOWNLOADS_TOKEN_SECRET}, at least 32
 * bytes; in sandbox mode without it, the sandbox's own, {@link SandboxSecrets}). A changed character
 * is refused before the database is asked.
 */
// Built at start-up, so a missing or bad secret stops the start rather than a later request.
@Context
class HmacDownloadTokens implements DownloadTokens {

    private static final Pattern LINK_ID = Pattern.compile("[A-Za-z0-9_-]{16,32}");
    private static final Pattern MAC = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final SecretKeySpec key;

    HmacDownloadTokens(@Nullable @Value("${cspdesk.downloads.token-secret:}") String secret,
                       @Nullable SandboxSecrets sandbox) {
        String configured = secret;
        if (configured == null || configured.isBlank()) {
            if (sandbox == null) {
                throw new ConfigurationException("No download token secret: set CSPDESK_DOWNLOADS_TOKEN_SECRET"
                        + " (cspdesk.downloads.token-secret) to at least 32 bytes of random text.");
            }
            configured = sandbox.kept("download-token-secret", () -> {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            });
        }
        byte[] bytes = configured.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 32) {
            throw new ConfigurationException("cspdesk.downloads.token-secret is shorter than 32 bytes");
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    @Override
    public String tokenFor(String linkId) {
        return linkId + "." + mac(linkId);
    }

    @Override
    public Optional<String> linkIdOf(String token) {
        int dot = token.indexOf('.');
        if (dot < 0 || token.length() > 100) {
            return Optional.empty();
        }
        String linkId = token.substring(0, dot);
        String mac = token.substring(dot + 1);
        if (!LINK_ID.matcher(linkId).matches() || !MAC.matcher(mac).matches()) {
            return Optional.empty();
        }
        boolean valid = MessageDigest.isEqual(mac(linkId).getBytes(StandardCharsets.US_ASCII),
                mac.getBytes(StandardCharsets.US_ASCII));
        return valid ? Optional.of(linkId) : Optional.empty();
    }

    private String mac(String linkId) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac.doFinal(linkId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }
}
