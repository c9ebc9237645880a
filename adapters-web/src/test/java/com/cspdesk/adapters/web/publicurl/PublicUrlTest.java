package com.cspdesk.adapters.web.publicurl;

import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpRequestWrapper;
import io.micronaut.http.server.util.HttpHostResolver;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Whether the product is on HTTPS, and the base of its absolute links. */
class PublicUrlTest {

    /** What the request itself says (its connection, its host), which a configured public URL overrides. */
    private static final HttpHostResolver REQUEST_HOST = request -> "http://10.0.0.7:8080/";

    private static HttpRequest<?> request(boolean overTls) {
        return new HttpRequestWrapper<>(HttpRequest.GET("/ui/login")) {
            @Override
            public boolean isSecure() {
                return overTls;
            }
        };
    }

    @Test
    void anHttpsPublicUrlMeansHttpsEvenWhenTheProxyForwardsPlainHttp() {
        PublicUrl url = new PublicUrl("https://desk.partner.example/", REQUEST_HOST);

        assertThat(url.isHttps(request(false))).isTrue();
        assertThat(url.isHttps(request(true))).isTrue();
        assertThat(url.base(request(false))).isEqualTo("https://desk.partner.example");
        assertThat(new PublicUrl("HTTPS://Desk.Partner.Example", REQUEST_HOST).isHttps(request(false))).isTrue();
    }

    @Test
    void anHttpPublicUrlMeansNoHttpsWhateverTheConnection() {
        PublicUrl url = new PublicUrl("http://desk.partner.example:8080", REQUEST_HOST);

        assertThat(url.isHttps(request(false))).isFalse();
        assertThat(url.isHttps(request(true))).isFalse();
        assertThat(url.base(request(true))).isEqualTo("http://desk.partner.example:8080");
    }

    @Test
    void withoutAPublicUrlTheRequestsConnectionAndHostDecide() {
        for (String none : new String[] {null, "", "  "}) {
            PublicUrl url = new PublicUrl(none, REQUEST_HOST);

            assertThat(url.isHttps(request(false))).isFalse();
            assertThat(url.isHttps(request(true))).isTrue();
            assertThat(url.base(request(false))).isEqualTo("http://10.0.0.7:8080");
        }
    }

    @Test
    void aPublicUrlThatIsNotAnAbsoluteHttpUrlStopsTheStart() {
        for (String wrong : new String[] {"desk.partner.example", "/ui", "ftp://desk.partner.example", "https://", "https://desk partner"}) {
            assertThatThrownBy(() -> new PublicUrl(wrong, REQUEST_HOST)).as(wrong).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("cspdesk.public-url");
        }
    }
}
