package com.cspdesk.adapters.web.ui.shared;

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
}
