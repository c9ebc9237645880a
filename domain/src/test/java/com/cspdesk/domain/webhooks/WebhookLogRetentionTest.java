package com.cspdesk.domain.webhooks;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookLogRetentionTest {

    @Test
    void thirtyDaysAreKept() {
        Instant now = Instant.parse("2026-12-31T12:00:00Z");
        assertThat(WebhookLogRetention.forgottenBefore(now)).isEqualTo(Instant.parse("2026-12-01T12:00:00Z"));
    }
}
