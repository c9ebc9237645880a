package com.cspdesk.bootstrap.e2e;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox clock stands still here unless a test moves it, so every move is checked to the instant. */
@MicronautTest(transactional = false)
class SandboxClockEndToEndTest extends EndToEnd {

    @Override
    boolean clockStandsStill() {
        return true;
    }

    @Test
    void anAdminMovesTheClockForwardAndEveryoneSignedInSeesIt() {
        String agent = loginDemo("admin.agent@partner.demo");
        Instant before = Instant.parse((String) send("GET", "/v1/test/clock", agent, null).json().get("now"));

        Answer moved = send("PUT", "/v1/test/clock", agent, Map.of("advanceBy", "P61D"));
        assertThat(moved.status()).isEqualTo(200);
        Instant after = Instant.parse((String) moved.json().get("now"));
        assertThat(after).isEqualTo(before.plus(Duration.ofDays(61)));

        Answer seen = send("GET", "/v1/test/clock", loginDemo("customer.admin@contoso.demo"), null);
        assertThat(Instant.parse((String) seen.json().get("now"))).isEqualTo(after);

        Instant target = after.plus(Duration.ofDays(30));
        Answer set = send("PUT", "/v1/test/clock", agent, Map.of("now", target.toString()));
        assertThat(Instant.parse((String) set.json().get("now"))).isEqualTo(target);
    }

    @Test
    void theClockNeverMovesBackAndBadInputIsExplained() {
        String admin = loginDemo("global.admin@partner.demo");
        Answer back = send("PUT", "/v1/test/clock", admin, Map.of("now", "2020-01-01T00:00:00Z"));
        assertThat(back.status()).isEqualTo(409);
        assertThat(back.problemCode()).isEqualTo("clock_cannot_move_back");

        Answer both = send("PUT", "/v1/test/clock", admin, Map.of("now", "2030-01-01T00:00:00Z", "advanceBy", "P1D"));
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.problemCode()).isEqualTo("clock_move_invalid");

        Answer malformed = send("PUT", "/v1/test/clock", admin, Map.of("advanceBy", "sixty days"), "Accept-Language", "tr");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("errors").toString()).contains("advanceBy", "ISO-8601");
    }

    @Test
    void onlyAdminsMoveTheClockAndStrangersCannotReadIt() {
        assertThat(send("PUT", "/v1/test/clock", loginDemo("sales.agent@partner.demo"), Map.of("advanceBy", "P1D")).status())
                .isEqualTo(403);
        assertThat(send("PUT", "/v1/test/clock", loginDemo("customer.admin@contoso.demo"), Map.of("advanceBy", "P1D")).status())
                .isEqualTo(403);
        assertThat(send("GET", "/v1/test/clock", null, null).status()).isEqualTo(401);
    }
}
