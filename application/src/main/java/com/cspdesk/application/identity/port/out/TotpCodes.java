package com.cspdesk.application.identity.port.out;

/**
 * TOTP (RFC 6238, HMAC-SHA1, six digits, 30-second steps — what every authenticator app reads) and
 * the random material of an enrolment. Which library computes it is the adapter's.
 */
public interface TotpCodes {

    /** A new random secret (160 bits), Base32 as authenticator apps take it. */
    String newSecret();

    /** The {@code otpauth://totp/…} URI an authenticator app scans (as a QR code) to add the account. */
    String otpauthUri(String issuer, String accountName, String secret);

    /** The code of the secret for a time step. */
    String codeAt(String secret, long step);

    /** A new random recovery code, compact ({@code SecondFactorCodes.RECOVERY_CODE_LENGTH} Base32 letters, lower case). */
    String newRecoveryCode();

    /** The hash a recovery code is kept as (the codes are random and long enough for a plain keyed hash). */
    String recoveryCodeHash(String compactCode);
}
