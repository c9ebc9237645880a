package com.cspdesk.domain.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a user types at the second step: a six-digit TOTP code, or one of the recovery codes handed
 * out at enrolment ({@value #RECOVERY_CODES} of them, each good once), as {@code xxxx-xxxx-xxxx-xxxx} in
 * lower-case letters and digits (80 random bits: a plain hash of one cannot be searched back). Spaces and dashes typed along are ignored, and case does not count.
 */
public final class SecondFactorCodes {

    /** How many recovery codes an enrolment hands out. */
    public static final int RECOVERY_CODES = 10;
    /** Characters of a recovery code, without its dashes (80 bits of a 32-letter alphabet). */
    public static final int RECOVERY_CODE_LENGTH = 16;
    /** The digits of a TOTP code. */
    public static final int TOTP_DIGITS = 6;

    private static final Pattern TOTP = Pattern.compile("\\d{" + TOTP_DIGITS + "}");
    private static final Pattern RECOVERY = Pattern.compile("[a-z2-7]{" + RECOVERY_CODE_LENGTH + "}");

    private SecondFactorCodes() {
    }

    /** A code as typed, read: a TOTP code, a recovery code, or nothing either could be. */
    public static Optional<Entered> read(String typed) {
        if (typed == null || typed.length() > 64) {
            return Optional.empty();
        }
        String compact = typed.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        if (TOTP.matcher(compact).matches()) {
            return Optional.of(new Entered(compact, false));
        }
        if (RECOVERY.matcher(compact).matches()) {
            return Optional.of(new Entered(compact, true));
        }
        return Optional.empty();
    }

    /** A recovery code as it is shown: four groups of four, with dashes. */
    public static String shown(String recoveryCode) {
        return String.join("-", recoveryCode.substring(0, 4), recoveryCode.substring(4, 8), recoveryCode.substring(8, 12),
                recoveryCode.substring(12));
    }

    /** A code in its compact form ({@code recovery}: a recovery code, else a TOTP code). Never printed. */
    public record Entered(String compact, boolean recovery) {
        @Override
        public String toString() {
            return "Entered[recovery=" + recovery + ", code=***]";
        }
    }
}
