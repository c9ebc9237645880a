package com.cspdesk.domain.support;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for a support request attachment's name: which extensions are allowed, the one media
 * type each stands for (the sniffed content must be that type, so a PNG named {@code .pdf} or a
 * zip named {@code .docx} is refused), and the name as it may be stored and shown.
 */
public final class AttachmentNames {

    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final Map<String, String> TYPE_BY_EXTENSION = Map.of(
            "pdf", "application/pdf",
            "png", "image/png",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg",
            "txt", "text/plain",
            "csv", "text/csv",
            "docx", DOCX,
            "xlsx", XLSX);

    /** Every media type some allowed extension stands for. */
    public static final Set<String> ALLOWED_TYPES = Set.copyOf(TYPE_BY_EXTENSION.values());

    /**
     * Bidi embeddings/overrides/isolates and marks (U+202A–U+202E, U+2066–U+2069, U+200E/F) — they
     * make {@code "invoice\u202Efdp.exe"} read as {@code invoiceexe.pdf} — and C0, DEL and C1 controls.
     */
    private static final Pattern UNSAFE = Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F\\u0000-\\u001F\\u007F-\\u009F]");

    private AttachmentNames() {
    }

    /** The name without bidi and control characters, then stripped; {@code null} stays {@code null}. */
    public static String clean(String name) {
        return name == null ? null : UNSAFE.matcher(name).replaceAll("").strip();
    }

    /** The media type the name's extension (case-insensitive) stands for; empty when it has none or one not allowed. */
    public static Optional<String> typeOf(String name) {
        if (name == null) {
            return Optional.empty();
        }
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(TYPE_BY_EXTENSION.get(name.substring(dot + 1).strip().toLowerCase(Locale.ROOT)));
    }
}
