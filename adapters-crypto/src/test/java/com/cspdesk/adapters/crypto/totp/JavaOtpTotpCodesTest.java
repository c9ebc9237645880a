package com.cspdesk.adapters.crypto.totp;

import com.cspdesk.domain.identity.SecondFactorCodes;
import com.cspdesk.domain.identity.TotpSteps;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class JavaOtpTotpCodesTest {

    private final JavaOtpTotpCodes codes = new JavaOtpTotpCodes();

    @Test
    void theCodesAreRfc6238sTestVectorsInSixDigits() {
        // RFC 6238 appendix B, SHA-1 seed "12345678901234567890": 94287082, 07081804, 14050471 (8 digits).
        String secret = new Base32().encodeToString("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

        assertThat(codes.codeAt(secret, TotpSteps.stepAt(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(codes.codeAt(secret, TotpSteps.stepAt(Instant.ofEpochSecond(1_111_111_109)))).isEqualTo("081804");
        assertThat(codes.codeAt(secret, TotpSteps.stepAt(Instant.ofEpochSecond(1_234_567_890)))).isEqualTo("005924");
    }

    @Test
    void aNewSecretIs160RandomBitsInBase32() {
        String secret = codes.newSecret();

        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(new Base32().decode(secret)).hasSize(20);
        assertThat(codes.newSecret()).isNotEqualTo(secret);
    }

    @Test
    void recoveryCodesAreRandomReadableAndKeptAsTheirSha256() {
        Set<String> made = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String code = codes.newRecoveryCode();
            assertThat(SecondFactorCodes.read(SecondFactorCodes.shown(code))).hasValueSatisfying(entered -> {
                assertThat(entered.recovery()).isTrue();
                assertThat(entered.compact()).isEqualTo(code);
            });
            made.add(code);
        }
        assertThat(made).hasSize(50);
        String hash = codes.recoveryCodeHash("abcdefgh234567ab");
        assertThat(hash).matches("[0-9a-f]{64}").isEqualTo(codes.recoveryCodeHash("abcdefgh234567ab"))
                .isNotEqualTo(codes.recoveryCodeHash("abcdefgh234567ac")).doesNotContain("abcdefgh");
    }

    @Test
    void theOtpauthUriNamesTheIssuerAndAccountEncoded() {
        assertThat(codes.otpauthUri("CSP Software Desk", "admin.agent@partner.demo", "JBSWY3DPEHPK3PXP")).isEqualTo(
                "otpauth://totp/CSP%20Software%20Desk:admin.agent%40partner.demo?secret=JBSWY3DPEHPK3PXP"
                        + "&issuer=CSP%20Software%20Desk&algorithm=SHA1&digits=6&period=30");
    }
}
