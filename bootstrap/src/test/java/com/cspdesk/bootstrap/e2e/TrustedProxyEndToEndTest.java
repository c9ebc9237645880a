package com.cspdesk.bootstrap.e2e;

import com.cspdesk.bootstrap.e2e.SoftwareEndToEndTest.Purchases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a configured trusted proxy (here the test itself, on loopback) and without
 * cspdesk.public-url, the proxy is believed about where the request was sent: a download link's
 * address and HTTPS follow its X-Forwarded-Host and X-Forwarded-Proto. (From any other client they
 * are ignored: DownloadsEndToEndTest.)
 */
@MicronautTest(transactional = false)
class TrustedProxyEndToEndTest extends EndToEnd {

    private final Purchases shop = new Purchases(this);

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = shop.withStore(super.getProperties());
        properties.put("cspdesk.trusted-proxies", "127.0.0.0/8,::1");
        return properties;
    }

    @Test
    void aTrustedProxysForwardedHostAndSchemeMakeTheLinksAddress() {
        shop.file(Purchases.SQL_SERVER_2022_STANDARD, "2019", "en-US", "x64", "SQLServer2019-x64-ENU.iso", 2048);
        Map<String, Object> choice = Purchases.choice("2019", "en-US", "x64");
        String agent = loginDemo("admin.agent@partner.demo");
        String links = shop.sqlServerLinksOfANewCustomer(agent, "Proxy Kft.");

        Answer created = send("POST", links, agent, choice, "X-Forwarded-Host", "desk.partner.example", "X-Forwarded-Proto", "https");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat((String) created.json().get("uri")).startsWith("https://desk.partner.example/downloads/");
        assertThat(created.header("Strict-Transport-Security")).as("HTTPS as the proxy says").isNotNull();

        Answer direct = send("POST", links, agent, choice);
        assertThat((String) direct.json().get("uri")).as("no forwarded headers: the Host it was sent to")
                .startsWith(server.getURL() + "/downloads/");
        assertThat(direct.header("Strict-Transport-Security")).isNull();
    }

    @AfterAll
    void deleteFiles() {
        shop.deleteStore();
    }
}
