package com.cspdesk.adapters.persistence.sandbox;

import com.cspdesk.adapters.persistence.OnMariaDb;
import com.cspdesk.application.sandbox.port.out.SandboxClockSettings;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(startApplication = false, transactional = false)
class SandboxClockJdbcAdapterTest extends OnMariaDb {

    @Inject
    SandboxClockSettings settings;

    @Test
    void theOffsetIsKeptToTheNanosecondAndReplaced() {
        assertThat(settings.offset()).isEmpty();
        settings.saveOffset(Duration.ofDays(61).plusNanos(123_456_789));
        assertThat(settings.offset()).contains(Duration.ofDays(61).plusNanos(123_456_789));
        settings.saveOffset(Duration.ofDays(400));
        assertThat(settings.offset()).contains(Duration.ofDays(400));
    }
}
