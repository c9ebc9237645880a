package com.cspdesk.adapters.web.ui.downloads;

import com.cspdesk.adapters.web.downloads.RefusedLinkPages;
import com.cspdesk.adapters.web.ui.shared.UiPages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;

/**
 * A refused download link as a page of the dashboard's (views/downloads/refused.html): what happened and
 * what to do, in the language the dashboard would use (its language cookie, else Accept-Language).
 */
@Singleton
class RefusedLinkPagesOnTheDashboard implements RefusedLinkPages {

    private final UiPages pages;

    RefusedLinkPagesOnTheDashboard(UiPages pages) {
        this.pages = pages;
    }

    @Override
    public MutableHttpResponse<?> page(HttpRequest<?> request, HttpStatus status, String code) {
        Map<String, Object> model = new HashMap<>();
        model.put("titleKey", "download.refused.title." + code);
        model.put("code", code);
        return pages.render(request, status, "downloads/refused", model);
    }
}
