package com.cspdesk.contracts;

import com.cspdesk.application.sandbox.port.out.SandboxClockSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link SandboxClockSettings} must do: keep one offset, exactly, until it is replaced. */
public abstract class SandboxClockSettingsContract extends PortContract {

    @Test
    void theOffsetIsKeptToTheNanosecondAndReplaced() {
        assertThat(port(SandboxClockSettings.class).offset()).isEmpty();
        port(SandboxClockSettings.class).saveOffset(Duration.ofDays(61).plusNanos(123_456_789));
        assertThat(port(SandboxClockSettings.class).offset()).contains(Duration.ofDays(61).plusNanos(123_456_789));
        port(SandboxClockSettings.class).saveOffset(Duration.ofDays(400));
        assertThat(port(SandboxClockSettings.class).offset()).contains(Duration.ofDays(400));
    }

    @Test
    void anOffsetSavedInAUnitOfWorkThatFailsIsNotKept() {
        Optional<Duration> before = port(SandboxClockSettings.class).offset();
        assertThatThrownBy(() -> inTransaction(() -> {
            port(SandboxClockSettings.class).saveOffset(Duration.ofDays(9_999));
            throw new IllegalStateException("the clock change failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(port(SandboxClockSettings.class).offset()).isEqualTo(before);
    }
}
