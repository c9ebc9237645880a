package com.cspdesk.adapters.web.ui.shared;

import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** What a form field holds: stripped, empty for nothing, never longer than a form field sensibly is. */
public final class UiForms {

    public static final int MAX_FIELD = 4000;

    private UiForms() {
    }

    public static String text(String value) {
        if (value == null) {
            return "";
        }
        String stripped = value.strip();
        return stripped.length() > MAX_FIELD ? stripped.substring(0, MAX_FIELD) : stripped;
    }

    /**
     * Every non-empty value of a form field that may repeat (a checkbox per role or event): Micronaut gives
     * one value as it is and several as a list.
     */
    public static List<String> values(@Nullable Object value) {
        List<String> values = new ArrayList<>();
        if (value instanceof Collection<?> many) {
            many.forEach(each -> values.addAll(values(each)));
        } else if (value instanceof Object[] many) {
            Arrays.stream(many).forEach(each -> values.addAll(values(each)));
        } else if (value != null) {
            String text = text(String.valueOf(value));
            if (!text.isEmpty()) {
                values.add(text);
            }
        }
        return values;
    }

    /** The field's first non-empty value, or "" (a field sent twice by a tampered form counts once). */
    public static String first(@Nullable Object value) {
        List<String> values = values(value);
        return values.isEmpty() ? "" : values.get(0);
    }
}
