package com.cspdesk.adapters.web.ui.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** After signing in or switching language the browser only ever goes to a page of the dashboard. */
class LocalPathsTest {

    @Test
    void dashboardPathsAreKept() {
        assertThat(LocalPaths.orElse("/ui/customers", "/ui")).isEqualTo("/ui/customers");
        assertThat(LocalPaths.orElse("/ui/customers?q=con&page=abc-_", "/ui")).isEqualTo("/ui/customers?q=con&page=abc-_");
        assertThat(LocalPaths.orElse("/ui", "/x")).isEqualTo("/ui");
    }

    @Test
    void everythingElseFallsBack() {
        assertThat(LocalPaths.orElse(null, "/ui")).isEqualTo("/ui");
        assertThat(LocalPaths.orElse("https://evil.example/ui", "/ui")).isEqualTo("/ui");
        assertThat(LocalPaths.orElse("//evil.example/ui", "/ui")).isEqualTo("/ui");
        assertThat(LocalPaths.orElse("/ui//evil.example", "/ui")).isEqualTo("/ui");
        assertThat(LocalPaths.orElse("/ui/\\evil", "/ui")).isEqualTo("/ui");
        assertThat(LocalPaths.orElse("/v1/users", "/ui")).isEqualTo("/ui");
        assertThat(LocalPaths.orElse("/uix", "/ui")).isEqualTo("/ui");
        assertThat(LocalPaths.orElse("/ui/a\r\nLocation: x", "/ui")).isEqualTo("/ui");
    }
}
