package com.cspdesk.contracts;

import com.cspdesk.application.sandbox.port.out.SandboxClockSettings;
import com.cspdesk.application.shared.port.out.Transactions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link SandboxClockSettings} must do: keep one offset, exactly, until it is replaced. */
public abstract class SandboxClockSettingsContract {

    protected abstract SandboxClockSettings settings();

    protected abstract Transactions transactions();

    @Test
    void theOffsetIsKeptToTheNanosecondAndReplaced() {
        assertThat(settings().offset()).isEmpty();
        settings().saveOffset(Duration.ofDays(61).plusNanos(123_456_789));
        assertThat(settings().offset()).contains(Duration.ofDays(61).plusNanos(123_456_789));
        settings().saveOffset(Duration.ofDays(400));
        assertThat(settings().offset()).contains(Duration.ofDays(400));
    }

    @Test
    void anOffsetSavedInAUnitOfWorkThatFailsIsNotKept() {
        Optional<Duration> before = settings().offset();
        assertThatThrownBy(() -> transactions().inTransaction(() -> {
            settings().saveOffset(Duration.ofDays(9_999));
            throw new IllegalStateException("the clock change failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(settings().offset()).isEqualTo(before);
    }
}
