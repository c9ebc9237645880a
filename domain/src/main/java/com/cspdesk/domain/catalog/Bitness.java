package com.cspdesk.domain.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Spec "Activate and manage software subscriptions" step 2: the "bit" a download is built for. */
public enum Bitness {
    X64("x64"),
    X86("x86"),
    ARM64("arm64");

    private final String code;

    Bitness(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Case-insensitive: {@code "x64"}, {@code "X64"}. */
    public static Optional<Bitness> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String normalized = code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(bitness -> bitness.code.equals(normalized)).findFirst();
    }
}
