package com.cspdesk.adapters.crypto.clients;

import com.cspdesk.application.identity.port.out.ClientSecrets;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Applications' secrets: {@value #PREFIX} and 32 bytes (256 bits) from {@link SecureRandom}, Base64url
 * without padding (48 characters in all; the prefix lets secret scanners recognise a leaked one). Kept
 * as their SHA-256, unkeyed and fast: Argon2's slowness exists to make guessing a human's password
 * expensive, and a 256-bit random secret cannot be guessed at any speed, so a slow hash would only cost
 * every token request CPU (and make the grant a denial-of-service lever) for no gain. A key would add
 * nothing either: without the secret's entropy to hide behind, a stolen table still names no secret.
 */
@Singleton
class RandomClientSecrets implements ClientSecrets {

    static final String PREFIX = "cspd_";
    private static final int SECRET_BYTES = 32;

    private final SecureRandom random = new SecureRandom();

    @Override
    public String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }
}
