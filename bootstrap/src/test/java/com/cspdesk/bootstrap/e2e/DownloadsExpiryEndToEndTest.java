package com.cspdesk.bootstrap.e2e;

import com.cspdesk.bootstrap.e2e.SoftwareEndToEndTest.Purchases;
import com.cspdesk.bootstrap.e2e.SoftwareEndToEndTest.Purchases.Download;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anchor facts: a download link expires after two weeks. The sandbox clock only moves forward,
 * so this class has its own database and moves its own clock: 13 days on, the link still works;
 * 14 days on it is 410 (a resumed range too), and a new link works again.
 */
@MicronautTest(transactional = false)
class DownloadsExpiryEndToEndTest extends EndToEnd {

    private final Purchases shop = new Purchases(this);

    @Override
    public Map<String, String> getProperties() {
        return shop.withStore(super.getProperties());
    }

    @AfterAll
    void deleteFiles() {
        shop.deleteStore();
    }

    @Test
    void aLinkIsRefusedFourteenDaysAfterItWasMade() {
        String agent = loginDemo("admin.agent@partner.demo");
        String links = shop.sqlServerLinksOfANewCustomer(agent, "Expiry Kft.");
        byte[] bits = shop.file(Purchases.SQL_SERVER_2022_STANDARD, "2022", "de-DE", "x64", "SQLServer2022-x64-DEU.iso", 2048);
        Map<String, Object> choice = Purchases.choice("2022", "de-DE", "x64");

        String uri = (String) created(send("POST", links, agent, choice)).get("uri");
        assertThat(shop.fetch("GET", uri).body()).isEqualTo(bits);

        assertThat(send("PUT", "/v1/test/clock", agent, Map.of("advanceBy", "P13D")).status()).isEqualTo(200);
        assertThat(shop.fetch("GET", uri).status()).as("13 days on").isEqualTo(200);

        assertThat(send("PUT", "/v1/test/clock", agent, Map.of("advanceBy", "P1D")).status()).isEqualTo(200);
        Download expired = shop.fetch("GET", uri);
        assertThat(expired.status()).as(expired.toString()).isEqualTo(410);
        assertThat(expired.header("Content-Type")).startsWith("application/problem+json");
        assertThat(expired.text()).contains("\"code\":\"link_expired\"");
        Download resumed = shop.fetch("GET", uri, "Range", "bytes=100-");
        assertThat(resumed.status()).isEqualTo(410);
        assertThat(shop.fetch("HEAD", uri).status()).isEqualTo(410);

        Map<String, Object> renewed = created(send("POST", links, agent, choice));
        assertThat(renewed.get("uri")).isNotEqualTo(uri);
        assertThat(renewed).containsEntry("downloadsRemaining", 50);
        assertThat(shop.fetch("GET", (String) renewed.get("uri")).body()).isEqualTo(bits);
        Download german = shop.fetch("GET", uri, "Accept-Language", "de");
        assertThat(german.text()).contains("Download-Link abgelaufen");

        // Issue #17: a browser opening the link gets a page in its reader's language, with the same status.
        String chromium = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
        Download page = shop.fetch("GET", uri, "Accept", chromium, "Accept-Language", "de-DE,de;q=0.9,en;q=0.8");
        assertThat(page.status()).isEqualTo(410);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Vary")).contains("Accept");
        assertThat(page.text()).contains("<html lang=\"de\"", "Dieser Download-Link ist abgelaufen",
                "Bitten Sie Ihren Partner").doesNotContain("\"code\"");
        // The dashboard's language cookie wins over the browser's language.
        Download turkish = shop.fetch("GET", uri, "Accept", chromium, "Accept-Language", "de", "Cookie", "lang=tr");
        assertThat(turkish.text()).contains("Bu indirme bağlantısının süresi doldu");
        Download unknown = shop.fetch("GET", "/downloads/not-a-link-of-ours", "Accept", chromium, "Accept-Language", "en");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text()).contains("This download link is not valid");
        // API clients keep problem+json, exactly as before: JSON asked for, a wildcard, or no Accept at all.
        for (String accept : new String[]{"application/json", "*/*", "application/problem+json", "application/json, text/html;q=0.5"}) {
            Download client = shop.fetch("GET", uri, "Accept", accept);
            assertThat(client.status()).as(accept).isEqualTo(410);
            assertThat(client.header("Content-Type")).as(accept).startsWith("application/problem+json");
            assertThat(client.text()).as(accept).contains("\"code\":\"link_expired\"");
        }
        Download head = shop.fetch("HEAD", uri, "Accept", chromium);
        assertThat(head.status()).isEqualTo(410);
    }

    private static Map<String, Object> created(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json();
    }
}
