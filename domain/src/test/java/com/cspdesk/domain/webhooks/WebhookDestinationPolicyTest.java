package com.cspdesk.domain.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.cspdesk.domain.webhooks.WebhookDestinationPolicy.Checked;
import com.cspdesk.domain.webhooks.WebhookDestinationPolicy.Destination;
import com.cspdesk.domain.webhooks.WebhookDestinationPolicy.Problem;
import com.cspdesk.domain.webhooks.WebhookDestinationPolicy.Refused;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where a webhook may point: the URL's shape, literal hosts, local names, resolved addresses, the allowed hosts. */
class WebhookDestinationPolicyTest {

    private final WebhookDestinationPolicy strict = WebhookDestinationPolicy.strict();
    private final WebhookDestinationPolicy local = new WebhookDestinationPolicy(List.of(" 127.0.0.1 ", "LocalHost", ""));

    private static Problem problemOf(Checked checked) {
        assertThat(checked).isInstanceOf(Refused.class);
        return ((Refused) checked).problem();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "' '|MISSING",
            "not a url|INVALID",
            "/relative/path|INVALID",
            "https://|INVALID",
            "https://user:pass@hooks.example.com/x|INVALID",
            "https://hooks.example.com/x#frag|INVALID",
            "mailto:ops@example.com|INVALID",
            "http://hooks.example.com/x|HTTPS_REQUIRED",
            "ftp://hooks.example.com/x|HTTPS_REQUIRED",
            "https://127.0.0.1/x|ADDRESS_NOT_ALLOWED",
            "https://10.1.2.3:8443/x|ADDRESS_NOT_ALLOWED",
            "https://169.254.169.254/latest/meta-data|ADDRESS_NOT_ALLOWED",
            "https://[::1]/x|ADDRESS_NOT_ALLOWED",
            "https://[fd00:ec2::254]/x|ADDRESS_NOT_ALLOWED",
            "https://[::ffff:192.168.1.1]/x|ADDRESS_NOT_ALLOWED",
            "https://0.0.0.0/x|ADDRESS_NOT_ALLOWED",
            "https://224.0.0.1/x|ADDRESS_NOT_ALLOWED",
            "https://localhost/x|ADDRESS_NOT_ALLOWED",
            "https://LOCALHOST./x|ADDRESS_NOT_ALLOWED",
            "https://api.localhost/x|ADDRESS_NOT_ALLOWED",
            "https://metadata.google.internal/computeMetadata|ADDRESS_NOT_ALLOWED",
            "https://intranet/x|ADDRESS_NOT_ALLOWED"})
    void refusals_without_configuration(String url, Problem problem) {
        assertThat(problemOf(strict.check(url))).as(url).isEqualTo(problem);
    }

    @Test
    void a_url_longer_than_the_limit_is_refused() {
        String url = "https://hooks.example.com/" + "a".repeat(WebhookDestinationPolicy.MAX_LENGTH);
        assertThat(problemOf(strict.check(url))).isEqualTo(Problem.TOO_LONG);
        assertThat(problemOf(strict.check(null))).isEqualTo(Problem.MISSING);
    }

    @Test
    void a_public_literal_needs_no_resolution_and_a_name_does() {
        Checked literal = strict.check("https://203.0.113.10/hooks");
        assertThat(literal).isInstanceOfSatisfying(Destination.class, d -> assertThat(d.needsResolution()).isFalse());
        Checked name = strict.check("https://Hooks.Example.com:8443/in?x=1");
        assertThat(name).isInstanceOfSatisfying(Destination.class, d -> {
            assertThat(d.needsResolution()).isTrue();
            assertThat(d.host()).isEqualTo("hooks.example.com");
        });
    }

    @Test
    void a_name_passes_only_when_every_address_it_resolves_to_is_public() {
        byte[] publicV4 = {(byte) 93, (byte) 184, (byte) 216, 34};
        byte[] privateV4 = {10, 0, 0, 7};
        byte[] loopbackV6 = new byte[16];
        loopbackV6[15] = 1;
        assertThat(strict.refusalOfAddresses(List.of(publicV4))).isEmpty();
        assertThat(strict.refusalOfAddresses(List.of(publicV4, privateV4))).contains(Problem.ADDRESS_NOT_ALLOWED);
        assertThat(strict.refusalOfAddresses(List.of(loopbackV6, publicV4))).contains(Problem.ADDRESS_NOT_ALLOWED);
        assertThat(strict.refusalOfAddresses(List.of())).contains(Problem.UNRESOLVABLE);
    }

    @Test
    void an_allowed_host_passes_on_its_name_and_may_use_http() {
        assertThat(local.allowedHosts()).containsExactlyInAnyOrder("127.0.0.1", "localhost");
        assertThat(local.check("http://127.0.0.1:9999/hooks")).isInstanceOfSatisfying(Destination.class, d -> {
            assertThat(d.allowedByConfiguration()).isTrue();
            assertThat(d.needsResolution()).isFalse();
        });
        assertThat(local.check("https://localhost/hooks")).isInstanceOf(Destination.class);
        // Only the hosts listed: another loopback address or http elsewhere stays refused.
        assertThat(problemOf(local.check("http://127.0.0.2/hooks"))).isEqualTo(Problem.HTTPS_REQUIRED);
        assertThat(problemOf(local.check("https://127.0.0.2/hooks"))).isEqualTo(Problem.ADDRESS_NOT_ALLOWED);
        assertThat(problemOf(local.check("http://hooks.example.com/x"))).isEqualTo(Problem.HTTPS_REQUIRED);
    }
}
