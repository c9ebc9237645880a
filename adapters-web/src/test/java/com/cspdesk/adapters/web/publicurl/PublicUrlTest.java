package com.cspdesk.adapters.web.publicurl;

import com.cspdesk.adapters.web.clientaddress.ClientAddresses;
import com.cspdesk.adapters.web.clientaddress.TrustedProxies;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpRequestWrapper;
import io.micronaut.http.server.util.HttpHostResolver;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Whether the product is on HTTPS, and the base of its absolute links. */
class PublicUrlTest {

    /** What the forwarded headers (or Host) say, as Micronaut reads them — believed only from a trusted proxy. */
    private static final HttpHostResolver FORWARDED = request -> "https://desk.partner.example/";
    private static final ClientAddresses BEHIND_PROXY_10_0_0_2 = new ClientAddresses(new TrustedProxies("10.0.0.2"));
    private static final ClientAddresses NO_PROXY = new ClientAddresses(new TrustedProxies(""));

    private static HttpRequest<?> request(boolean overTls, String peer) {
        return new HttpRequestWrapper<>(HttpRequest.GET("/ui/login").header("Host", "evil.example")
                .header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Proto", "https")) {
            @Override
            public boolean isSecure() {
                return overTls;
            }

            @Override
            public InetSocketAddress getRemoteAddress() {
                return new InetSocketAddress(peer, 51000);
            }

            @Override
            public InetSocketAddress getServerAddress() {
                return new InetSocketAddress("10.0.0.7", 8080);
            }
        };
    }

    private static HttpRequest<?> request(boolean overTls) {
        return request(overTls, "203.0.113.9");
    }

    @Test
    void anHttpsPublicUrlMeansHttpsEvenWhenTheProxyForwardsPlainHttp() {
        PublicUrl url = new PublicUrl("https://desk.partner.example/", FORWARDED, NO_PROXY);

        assertThat(url.isHttps(request(false))).isTrue();
        assertThat(url.base(request(false))).isEqualTo("https://desk.partner.example");
        assertThat(new PublicUrl("HTTPS://Desk.Partner.Example", FORWARDED, NO_PROXY).isHttps(request(false))).isTrue();
    }

    @Test
    void anHttpPublicUrlMeansNoHttpsWhateverTheConnectionOrTheHeaders() {
        PublicUrl url = new PublicUrl("http://desk.partner.example:8080", FORWARDED, BEHIND_PROXY_10_0_0_2);

        assertThat(url.isHttps(request(false, "10.0.0.2"))).isFalse();
        assertThat(url.isHttps(request(true))).isFalse();
        assertThat(url.base(request(true, "10.0.0.2"))).isEqualTo("http://desk.partner.example:8080");
    }

    /** #13: a client's Host and X-Forwarded-* headers never make the links; the server's own address does. */
    @Test
    void withoutAPublicUrlAClientsHeadersAreNotBelieved() {
        for (String none : new String[] {null, "", "  "}) {
            PublicUrl url = new PublicUrl(none, FORWARDED, BEHIND_PROXY_10_0_0_2);

            assertThat(url.isHttps(request(false))).as("X-Forwarded-Proto from a client").isFalse();
            assertThat(url.isHttps(request(true))).isTrue();
            assertThat(url.base(request(false))).isEqualTo("http://10.0.0.7:8080");
            assertThat(url.base(request(true))).isEqualTo("https://10.0.0.7:8080");
        }
    }

    @Test
    void withoutAPublicUrlATrustedProxyIsBelievedAboutHostAndScheme() {
        PublicUrl url = new PublicUrl(null, FORWARDED, BEHIND_PROXY_10_0_0_2);

        assertThat(url.base(request(false, "10.0.0.2"))).isEqualTo("https://desk.partner.example");
        assertThat(url.isHttps(request(false, "10.0.0.2"))).isTrue();
    }

    /** A proxy that keeps the original Host and says only X-Forwarded-Proto (nginx's usual set-up). */
    @Test
    void aTrustedProxysSchemeCountsWithoutAForwardedHost() {
        PublicUrl url = new PublicUrl(null, request -> "http://desk.partner.example", BEHIND_PROXY_10_0_0_2);
        HttpRequest<?> protoOnly = new HttpRequestWrapper<>(HttpRequest.GET("/").header("X-Forwarded-Proto", "HTTPS")) {
            @Override
            public InetSocketAddress getRemoteAddress() {
                return new InetSocketAddress("10.0.0.2", 51000);
            }
        };
        HttpRequest<?> noProto = new HttpRequestWrapper<>(HttpRequest.GET("/").header("X-Forwarded-Proto", "gopher")) {
            @Override
            public InetSocketAddress getRemoteAddress() {
                return new InetSocketAddress("10.0.0.2", 51000);
            }
        };

        assertThat(url.base(protoOnly)).isEqualTo("https://desk.partner.example");
        assertThat(url.isHttps(protoOnly)).isTrue();
        assertThat(url.base(noProto)).as("only http or https").isEqualTo("http://desk.partner.example");
        assertThat(url.isHttps(noProto)).isFalse();
    }

    @Test
    void theServersOwnAddressIsWrittenAsAUrlHost() {
        PublicUrl url = new PublicUrl(null, FORWARDED, NO_PROXY);
        HttpRequest<?> overIpv6 = new HttpRequestWrapper<>(HttpRequest.GET("/")) {
            @Override
            public InetSocketAddress getServerAddress() {
                return new InetSocketAddress("2001:db8::7", 8443);
            }
        };
        HttpRequest<?> overLoopback = new HttpRequestWrapper<>(HttpRequest.GET("/")) {
            @Override
            public InetSocketAddress getServerAddress() {
                return new InetSocketAddress("::1", 8080);
            }
        };

        assertThat(url.base(overIpv6)).isEqualTo("http://[2001:db8:0:0:0:0:0:7]:8443");
        assertThat(url.base(overLoopback)).isEqualTo("http://localhost:8080");
    }

    @Test
    void aPublicUrlThatIsNotAnAbsoluteHttpUrlStopsTheStart() {
        for (String wrong : new String[] {"desk.partner.example", "/ui", "ftp://desk.partner.example", "https://", "https://desk partner"}) {
            assertThatThrownBy(() -> new PublicUrl(wrong, FORWARDED, NO_PROXY)).as(wrong).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("cspdesk.public-url");
        }
    }
}
