package com.cspdesk.adapters.web.downloads;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue #17 item 7: who gets a page for a refused link (a browser) and who keeps problem+json (every API client). */
class BrowserOrClientTest {

    @Test
    void browsersAskForHtmlFirst() {
        // Chromium's and Firefox's navigation Accept headers.
        assertThat(DownloadsController.prefersHtml("text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,"
                + "image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7")).isTrue();
        assertThat(DownloadsController.prefersHtml("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")).isTrue();
        assertThat(DownloadsController.prefersHtml("TEXT/HTML")).isTrue();
        assertThat(DownloadsController.prefersHtml("application/json;q=0.5, text/html")).isTrue();
    }

    @Test
    void apiClientsKeepJson() {
        assertThat(DownloadsController.prefersHtml(null)).isFalse();
        assertThat(DownloadsController.prefersHtml("")).isFalse();
        assertThat(DownloadsController.prefersHtml("*/*")).isFalse();
        assertThat(DownloadsController.prefersHtml("application/json")).isFalse();
        assertThat(DownloadsController.prefersHtml("application/problem+json, application/json")).isFalse();
        assertThat(DownloadsController.prefersHtml("application/octet-stream")).isFalse();
        assertThat(DownloadsController.prefersHtml("application/json, text/html;q=0.9")).isFalse();
        assertThat(DownloadsController.prefersHtml("text/html;q=0")).isFalse();
        assertThat(DownloadsController.prefersHtml("text/html;q=nonsense")).isFalse();
    }
}
