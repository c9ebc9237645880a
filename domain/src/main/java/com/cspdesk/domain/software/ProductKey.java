package com.cspdesk.domain.software;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Spec "Activate and manage software subscriptions" step 3: the product key shown by "Get Key", a secret that never appears in logs.
 *
 * <p>Format. The spec says "32-digit"; real Windows and SQL Server keys are 25 characters in five groups of
 * five, {@code XXXXX-XXXXX-XXXXX-XXXXX-XXXXX}, from the base-24 alphabet {@value #ALPHABET} (no vowels,
 * no 0/1/5 and no look-alikes). Keys since Windows 8 also carry one letter {@code N} at the position that
 * encodes a digit, so {@code N} is accepted once per key. This class follows the real format, not the spec's
 * number. Parsing ignores case and accepts the key with the dashes at their places or without any.
 *
 * <p>Secrecy: {@link #toString()} is fully masked; the clear value only comes out of {@link #revealClearText()},
 * and error messages never repeat the input. Equality is by value.
 */
public final class ProductKey {

    /** The 24 characters of a product key, besides the single {@code N} of newer keys. */
    public static final String ALPHABET = "BCDFGHJKMPQRTVWXY2346789";
    public static final int LENGTH = 25;
    private static final int GROUP = 5;
    private static final String MASKED = "*****-*****-*****-*****-*****";

    private final String characters;

    private ProductKey(String characters) {
        this.characters = characters;
    }

    /** Parses a key, with or without dashes, in any case; refuses anything else without echoing the input. */
    public static ProductKey parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException(
                "not a product key: expected five groups of five characters, XXXXX-XXXXX-XXXXX-XXXXX-XXXXX"));
    }

    /** Parses a key, empty when the text is not one. */
    public static Optional<ProductKey> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String upper = text.strip().toUpperCase(Locale.ROOT);
        String characters;
        if (upper.length() == LENGTH) {
            characters = upper;
        } else if (upper.length() == LENGTH + 4 && dashesInPlace(upper)) {
            characters = upper.replace("-", "");
        } else {
            return Optional.empty();
        }
        return isValid(characters) ? Optional.of(new ProductKey(characters)) : Optional.empty();
    }

    /** The key in clear, in groups ({@code XXXXX-XXXXX-XXXXX-XXXXX-XXXXX}): only for showing it to an entitled user. */
    public String revealClearText() {
        StringBuilder grouped = new StringBuilder(LENGTH + 4);
        for (int i = 0; i < LENGTH; i += GROUP) {
            if (i > 0) {
                grouped.append('-');
            }
            grouped.append(characters, i, i + GROUP);
        }
        return grouped.toString();
    }

    /**
     * The last five characters, as Windows shows a "partial product key" to tell keys apart; not enough to use
     * the key. Only for places that need to tell keys apart, such as an audit record.
     */
    public String partialKey() {
        return characters.substring(LENGTH - GROUP);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProductKey key && characters.equals(key.characters);
    }

    @Override
    public int hashCode() {
        return characters.hashCode();
    }

    /** Always {@code ProductKey[*****-*****-*****-*****-*****]}: a key never leaks through logs or messages. */
    @Override
    public String toString() {
        return "ProductKey[" + MASKED + "]";
    }

    private static boolean dashesInPlace(String text) {
        for (int i = 0; i < text.length(); i++) {
            boolean dashPlace = i % (GROUP + 1) == GROUP;
            if ((text.charAt(i) == '-') != dashPlace) {
                return false;
            }
        }
        return true;
    }

    private static boolean isValid(String characters) {
        Objects.requireNonNull(characters);
        int ns = 0;
        for (int i = 0; i < characters.length(); i++) {
            char c = characters.charAt(i);
            if (c == 'N') {
                ns++;
            } else if (ALPHABET.indexOf(c) < 0) {
                return false;
            }
        }
        return ns <= 1;
    }
}
