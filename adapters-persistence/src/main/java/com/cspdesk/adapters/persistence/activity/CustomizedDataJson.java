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
}
