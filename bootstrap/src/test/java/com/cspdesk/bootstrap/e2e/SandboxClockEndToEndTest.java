package com.cspdesk.bootstrap.e2e;

import com.cspdesk.bootstrap.e2e.CancellationEndToEndTest.Shop;
import com.cspdesk.domain.sandbox.SandboxClockRange;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox clock stands still here unless a test moves it, so every move is checked to the instant. */
@MicronautTest(transactional = false)
class SandboxClockEndToEndTest extends EndToEnd {

    private final Shop shop = new Shop(this);

    @Override
    boolean clockStandsStill() {
        return true;
    }

    /** The hourly invoice schedule is off: the run this class starts is then the only one (none is "skipped"). */
    @Override
    boolean invoiceSchedule() {
        return false;
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

    /** Issue 13: P999999999D answered 400 but moved the clock to the year 2,739,933, and invoice runs then failed. */
    @Test
    void aMoveFurtherThanTheSandboxCanRecordIsRefusedChangesNothingAndTheProductCarriesOn() {
        String agent = loginDemo("admin.agent@partner.demo");
        Map<String, Object> before = send("GET", "/v1/test/clock", agent, null).json();
        Instant now = Instant.parse((String) before.get("now"));
        // Real time stands still in this class, so the latest allowed instant is known exactly.
        Instant latest = now.minus(Duration.parse((String) before.get("offset"))).plus(SandboxClockRange.MOST_AHEAD);

        List<Map<String, String>> tooFar = List.of(Map.of("advanceBy", "P999999999D"), Map.of("advanceBy", "PT9223372036854775807S"),
                Map.of("now", "+10000-01-01T00:00:00Z"), Map.of("now", Instant.MAX.toString()),
                Map.of("now", latest.plusSeconds(1).toString()));
        for (Map<String, String> move : tooFar) {
            Answer refused = send("PUT", "/v1/test/clock", agent, move, "Accept-Language", "de");
            assertThat(refused.status()).as(move.toString()).isEqualTo(400);
            assertThat(refused.problemCode()).isEqualTo("clock_out_of_range");
            assertThat((String) refused.json().get("detail")).contains("Sandbox-Uhr", latest.toString(), now.toString());
            assertThat(send("GET", "/v1/test/clock", agent, null).json()).as("unchanged after " + move).isEqualTo(before);
        }
        for (String unreadable : List.of("+1000000001-01-01T00:00:00Z", "2026-02-30T00:00:00Z")) {
            Answer refused = send("PUT", "/v1/test/clock", agent, Map.of("now", unreadable));
            assertThat(refused.problemCode()).as(unreadable).isEqualTo("validation_failed");
            assertThat(refused.json().get("errors").toString()).contains("now");
            assertThat(send("GET", "/v1/test/clock", agent, null).json()).isEqualTo(before);
        }

        String customer = shop.createCustomer(agent, "Fernweh Uhren GmbH", "DE");
        Map<String, Object> order = shop.order(agent, customer, Shop.line(0,
                shop.offer(agent, CancellationEndToEndTest.WS2022_STANDARD, "0001", "DE"), 1));
        YearMonth month = YearMonth.from(Instant.parse((String) order.get("creationDate")).atOffset(ZoneOffset.UTC));
        shop.clockTo(agent, month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(3600));
        Map<String, Object> run = invoiceRunToItsEnd(loginDemo("account.admin@partner.demo"), month);
        assertThat(run).containsEntry("billingMonth", month.toString()).containsEntry("status", "completed");
        Answer invoice = send("GET", "/v1/invoices/INV-" + month + "-EUR", agent, null);
        assertThat(invoice.status()).as(invoice.toString()).isEqualTo(200);
        assertThat(invoice.json()).containsEntry("lineCount", 1).containsEntry("charges", order.get("totals"));
    }
}
