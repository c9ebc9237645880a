package com.cspdesk.domain.software;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DownloadLinkPolicyTest {

    private static final Instant ISSUED = Instant.parse("2026-03-10T10:00:00Z");
    private final DownloadLinkPolicy policy = DownloadLinkPolicy.defaults();

    private static DownloadLink afterDownloads(int downloads) {
        return new DownloadLink(ISSUED, downloads, false);
    }

    @Test
    void a_new_link_serves_50_downloads_for_14_days() {
        NewLinkDecision decision = policy.issue(ISSUED, false);

        assertThat(decision).isEqualTo(new NewLinkDecision.Issued(DownloadLink.issuedAt(ISSUED), ISSUED.plus(Duration.ofDays(14)), 50));
    }

    @Test
    void a_new_link_can_be_made_at_any_time_even_while_others_are_valid() {
        assertThat(policy.issue(ISSUED, false)).isInstanceOf(NewLinkDecision.Issued.class);
        assertThat(policy.issue(ISSUED.plusSeconds(1), false)).isInstanceOf(NewLinkDecision.Issued.class);
        assertThat(policy.issue(ISSUED.plus(Duration.ofDays(400)), false)).isInstanceOf(NewLinkDecision.Issued.class);
    }

    @Test
    void a_cancelled_purchase_gets_no_new_link() {
        assertThat(policy.issue(ISSUED, true)).isEqualTo(new NewLinkDecision.Refused(DownloadRefusal.REVOKED));
    }

    @Test
    void the_50th_download_is_allowed_and_the_51st_refused() {
        assertThat(policy.check(afterDownloads(49), ISSUED)).isEqualTo(new DownloadDecision.Allowed(ISSUED.plus(Duration.ofDays(14)), 0));
        assertThat(policy.check(afterDownloads(50), ISSUED)).isEqualTo(new DownloadDecision.Refused(DownloadRefusal.EXHAUSTED));
    }

    @Test
    void the_first_download_leaves_49() {
        DownloadDecision decision = policy.check(DownloadLink.issuedAt(ISSUED), ISSUED);

        assertThat(decision.allowed()).isTrue();
        assertThat(((DownloadDecision.Allowed) decision).downloadsRemainingAfter()).isEqualTo(49);
    }

    @Test
    void counting_downloads_on_the_link_reaches_the_limit() {
        DownloadLink link = DownloadLink.issuedAt(ISSUED);
        int served = 0;
        while (policy.check(link, ISSUED.plusSeconds(served)).allowed()) {
            link = link.recordDownload();
            served++;
        }
        assertThat(served).isEqualTo(50);
        assertThat(policy.downloadsRemaining(link)).isZero();
    }

    @Test
    void fourteen_days_minus_one_second_is_allowed_and_exactly_fourteen_days_refused() {
        DownloadLink link = DownloadLink.issuedAt(ISSUED);

        assertThat(policy.check(link, ISSUED.plus(Duration.ofDays(14)).minusSeconds(1)).allowed()).isTrue();
        assertThat(policy.check(link, ISSUED.plus(Duration.ofDays(14)))).isEqualTo(new DownloadDecision.Refused(DownloadRefusal.EXPIRED));
        assertThat(policy.check(link, ISSUED.plus(Duration.ofDays(15))).allowed()).isFalse();
    }

    @Test
    void a_revoked_link_is_refused() {
        DownloadLink revoked = DownloadLink.issuedAt(ISSUED).revoke();

        assertThat(revoked.revoked()).isTrue();
        assertThat(policy.check(revoked, ISSUED)).isEqualTo(new DownloadDecision.Refused(DownloadRefusal.REVOKED));
    }

    @Test
    void revoked_wins_over_expired_and_expired_over_exhausted() {
        DownloadLink spent = new DownloadLink(ISSUED, 50, false);

        assertThat(policy.check(spent.revoke(), ISSUED.plus(Duration.ofDays(20)))).isEqualTo(new DownloadDecision.Refused(DownloadRefusal.REVOKED));
        assertThat(policy.check(spent, ISSUED.plus(Duration.ofDays(20)))).isEqualTo(new DownloadDecision.Refused(DownloadRefusal.EXPIRED));
    }

    @Test
    void limits_are_configurable() {
        DownloadLinkPolicy tight = new DownloadLinkPolicy(Duration.ofHours(1), 2);
        DownloadLink link = DownloadLink.issuedAt(ISSUED);

        assertThat(tight.check(link.recordDownload(), ISSUED).allowed()).isTrue();
        assertThat(tight.check(link.recordDownload().recordDownload(), ISSUED).allowed()).isFalse();
        assertThat(tight.check(link, ISSUED.plus(Duration.ofHours(1))).allowed()).isFalse();
        assertThat(tight.expiresAt(link)).isEqualTo(ISSUED.plus(Duration.ofHours(1)));
    }

    @Test
    void limits_are_checked() {
        assertThatThrownBy(() -> new DownloadLinkPolicy(Duration.ZERO, 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DownloadLinkPolicy(Duration.ofDays(14), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DownloadLink(ISSUED, -1, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusal_codes_are_stable() {
        assertThat(DownloadRefusal.REVOKED.code()).isEqualTo("link_revoked");
        assertThat(DownloadRefusal.EXPIRED.code()).isEqualTo("link_expired");
        assertThat(DownloadRefusal.EXHAUSTED.code()).isEqualTo("link_exhausted");
    }
}
