package com.cspdesk.adapters.crypto.totp;

import com.cspdesk.application.identity.port.out.TotpCodes;
import com.cspdesk.domain.identity.SecondFactorCodes;
import com.cspdesk.domain.identity.TotpSteps;
import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import jakarta.inject.Singleton;
import org.apache.commons.codec.binary.Base32;

import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

/**
 * TOTP codes by {@code com.eatthepath:java-otp} (RFC 6238 / RFC 4226, HMAC-SHA1, six digits, 30-second
 * steps: what Google Authenticator, Microsoft Authenticator and the others read), secrets and recovery
 * codes from {@link SecureRandom}, Base32 by Apache Commons Codec. A recovery code (80 random bits) is
 * kept as its SHA-256: with that much entropy a plain hash cannot be searched back, and no key is needed.
 */
@Singleton
class JavaOtpTotpCodes implements TotpCodes {

    /** 160 bits, the HMAC-SHA1 key length RFC 4226 recommends. */
    private static final int SECRET_BYTES = 20;
    private static final int RECOVERY_CODE_BYTES = SecondFactorCodes.RECOVERY_CODE_LENGTH * 5 / 8;

    private final SecureRandom random = new SecureRandom();
    private final Base32 base32 = new Base32();
    private final TimeBasedOneTimePasswordGenerator generator =
            new TimeBasedOneTimePasswordGenerator(TotpSteps.STEP, SecondFactorCodes.TOTP_DIGITS);

    @Override
    public String newSecret() {
        return base32.encodeToString(randomBytes(SECRET_BYTES));
    }

    @Override
    public String otpauthUri(String issuer, String accountName, String secret) {
        String label = encode(issuer) + ":" + encode(accountName);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + SecondFactorCodes.TOTP_DIGITS + "&period=" + TotpSteps.STEP.getSeconds();
    }

    @Override
    public String codeAt(String secret, long step) {
        SecretKeySpec key = new SecretKeySpec(base32.decode(secret), generator.getAlgorithm());
        try {
            return generator.generateOneTimePasswordString(key, Instant.ofEpochSecond(step * TotpSteps.STEP.getSeconds()),
                    Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("a TOTP secret is not a usable HMAC key", e);
        }
    }

    @Override
    public String newRecoveryCode() {
        return base32.encodeToString(randomBytes(RECOVERY_CODE_BYTES)).toLowerCase(Locale.ROOT);
    }

    @Override
    public String recoveryCodeHash(String compactCode) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(compactCode.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Percent-encoding as URIs want it (a space is %20, not +). */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
