package com.cspdesk.adapters.web.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Small helpers for the addresses the pages build. */
final class UiUrls {

    private UiUrls() {
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
