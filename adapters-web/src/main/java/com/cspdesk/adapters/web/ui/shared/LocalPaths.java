package com.cspdesk.adapters.web.ui.shared;

import java.util.regex.Pattern;

/** Where the dashboard may send a browser after signing in or switching language: its own pages only. */
public final class LocalPaths {

    private static final Pattern DASHBOARD_PATH = Pattern.compile("/ui(/[A-Za-z0-9._~%/-]*)?(\\?[A-Za-z0-9._~%&=+:,-]*)?");

    private LocalPaths() {
    }

    /** {@code candidate} when it is a path of the dashboard, otherwise {@code fallback} (never another site). */
    public static String orElse(String candidate, String fallback) {
        if (candidate == null || candidate.length() > 1024 || candidate.contains("//") || candidate.contains("\\")
                || !DASHBOARD_PATH.matcher(candidate).matches()) {
            return fallback;
        }
        return candidate;
    }
}
