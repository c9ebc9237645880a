package com.cspdesk.bootstrap.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #14 item 2: the API page (/openapi/ui) renders the document in a real browser, signed out,
 * under the Content-Security-Policy the page is served with, and everything it loads comes from the
 * desk itself (Swagger UI's WebJar and /openapi.json).
 */
@MicronautTest(transactional = false)
class ApiPageBrowserTest extends BrowserTest {

    @Test
    @SuppressWarnings("unchecked")
    void theApiPageShowsEveryOperationFromLocalFilesOnly() {
        open("/openapi/ui");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".swagger-ui .info .title"),
                "CSP Software Desk API"));
        wait.until(driver -> all(".opblock").size() > 40);
        assertThat(pageText()).contains("/v1/customers").contains("/login").contains("Authorize");

        List<String> loaded = (List<String>) script(
                "return performance.getEntriesByType('resource').map(function (e) { return e.name; });");
        loaded.add(browser.getCurrentUrl());
        assertThat(loaded).as("everything the page loaded").contains(base() + "/openapi.json")
                .allMatch(url -> url.startsWith(base() + "/"));
        screenshot("api-page");
    }
}
