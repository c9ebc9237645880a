package com.cspdesk.adapters.persistence.activity;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An entry's {@code customizedData} as stored: a JSON array of {@code {"key": ..., "value": ...}}
 * objects in the entry's order (the shape of Partner Center's audit records), so the order the
 * hash was computed over survives. Values are plain strings or null.
 */
final class CustomizedDataJson {

    private static final Argument<List<Map<String, String>>> ITEMS =
            Argument.listOf(Argument.mapOf(String.class, String.class));

    private CustomizedDataJson() {
    }

    static String write(Map<String, String> data) {
        StringBuilder json = new StringBuilder("[");
        boolean first = true;
        for (Map.Entry<String, String> item : data.entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            json.append("{\"key\":");
            string(json, item.getKey());
            json.append(",\"value\":");
            string(json, item.getValue());
            json.append('}');
        }
        return json.append(']').toString();
    }

    /**
     * The stored column back as an ordered map; empty when the text is not such an array (it was
     * not written by {@link #write}: the caller decides what that means).
     */
    static Optional<Map<String, String>> read(JsonMapper json, String text) {
        Map<String, String> written = WrittenForm.read(text);
        if (written != null) {
            return Optional.of(written);
        }
        List<Map<String, String>> items;
        try {
            items = json.readValue(text, ITEMS);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (items == null) {
            return Optional.empty();
        }
        Map<String, String> data = new LinkedHashMap<>();
        for (Map<String, String> item : items) {
            if (item == null || !item.containsKey("key") || data.containsKey(item.get("key"))) {
                return Optional.empty();
            }
            data.put(item.get("key"), item.get("value"));
        }
        return Optional.of(data);
    }

    private static void string(StringBuilder json, String value) {
        if (value == null) {
            json.append("null");
            return;
        }
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    /**
     * The exact form {@link #write} makes, read back without a JSON library: every page of the activity log reads
     * 50 of these, and the general parse into maps was the largest part of the page's own CPU (docs/performance.md).
     * {@code null} for any other text (spaces, other escapes, other fields, a duplicate key), which the general
     * parse then reads, so the result is the same either way.
     */
    static final class WrittenForm {

        private final String text;
        private int at;

        private WrittenForm(String text) {
            this.text = text;
        }

        /** The map, or {@code null} when the text is not exactly what the writer makes. */
        static Map<String, String> read(String text) {
            if (text == null) {
                return null;
            }
            try {
                return new WrittenForm(text).items();
            } catch (IllegalArgumentException | IndexOutOfBoundsException notWritten) {
                return null;
            }
        }

        private Map<String, String> items() {
            Map<String, String> data = new LinkedHashMap<>();
            expect("[");
            if (!take("]")) {
                do {
                    expect("{\"key\":");
                    String key = stringOrNull();
                    expect(",\"value\":");
                    String value = stringOrNull();
                    expect("}");
                    if (data.containsKey(key)) {
                        throw new IllegalArgumentException("a key twice");
                    }
                    data.put(key, value);
                } while (take(","));
                expect("]");
            }
            if (at != text.length()) {
                throw new IllegalArgumentException("more after the array");
            }
            return data;
        }

        private boolean take(String expected) {
            if (text.startsWith(expected, at)) {
                at += expected.length();
                return true;
            }
            return false;
        }

        private void expect(String expected) {
            if (!take(expected)) {
                throw new IllegalArgumentException("not " + expected);
            }
        }

        private String stringOrNull() {
            if (take("null")) {
                return null;
            }
            expect("\"");
            StringBuilder value = null;
            int start = at;
            while (true) {
                char c = text.charAt(at);
                if (c == '"') {
                    String tail = text.substring(start, at++);
                    return value == null ? tail : value.append(tail).toString();
                }
                if (c < 0x20) {
                    throw new IllegalArgumentException("a raw control character");
                }
                if (c != '\\') {
                    at++;
                    continue;
                }
                if (value == null) {
                    value = new StringBuilder();
                }
                value.append(text, start, at);
                char escaped = text.charAt(at + 1);
                at += 2;
                switch (escaped) {
                    case '"' -> value.append('"');
                    case '\\' -> value.append('\\');
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case 'u' -> value.append(unicodeEscape());
                    default -> throw new IllegalArgumentException("an escape the writer does not make");
                }
                start = at;
            }
        }

        /** The four hex digits of a Unicode escape, for a character the writer escapes that way (and no other). */
        private char unicodeEscape() {
            int c = 0;
            for (int i = 0; i < 4; i++) {
                int digit = Character.digit(text.charAt(at++), 16);
                if (digit < 0) {
                    throw new IllegalArgumentException("not a hex digit");
                }
                c = c * 16 + digit;
            }
            if (c >= 0x20 && c != 0x2028 && c != 0x2029) {
                throw new IllegalArgumentException("an escape the writer does not make");
            }
            return (char) c;
        }
    }
}
