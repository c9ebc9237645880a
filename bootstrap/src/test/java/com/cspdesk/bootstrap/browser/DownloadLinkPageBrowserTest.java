package com.cspdesk.bootstrap.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #17 item 7 in a Turkish Chromium (its Accept-Language only, no language chosen on the dashboard):
 * a download link opened after it expired, and an address that is no link of ours, are pages in Turkish
 * saying what happened and what to do, with 410 and 404; an API client still gets problem+json.
 */
@MicronautTest(transactional = false)
class DownloadLinkPageBrowserTest extends BrowserTest {

    private String linkPath;

    @Override
    String browserLanguage() {
        return "tr";
    }

    @BeforeAll
    @SuppressWarnings("unchecked")
    void aLinkThatHasExpired() {
        String agent = apiLogin(ADMIN_AGENT);
        String tenant = createCustomer(agent, "Bağlantı A.Ş.", "baglanti.example", "HU");
        buy(agent, tenant, "HU", SQL_SERVER_2022_STANDARD, 1);
        softwareFile(SQL_SERVER_2022_STANDARD, "2022", "en-US", "x64", "SQLServer2022-x64-ENU.iso", 2048);
        List<Map<String, Object>> software = (List<Map<String, Object>>) api("GET", "/v1/customers/" + tenant + "/software", agent, null)
                .json().get("items");
        String softwareId = (String) software.get(0).get("id");
        Api link = api("POST", "/v1/customers/" + tenant + "/software/" + softwareId + "/downloadlinks", agent,
                Map.of("version", "2022", "language", "en-US", "bitness", "x64"));
        assertThat(link.status()).as(link.body()).isEqualTo(201);
        linkPath = URI.create((String) link.json().get("uri")).getPath();
        // Anchor facts: a link works for two weeks.
        assertThat(api("PUT", "/v1/test/clock", agent, Map.of("advanceBy", "P15D")).status()).isEqualTo(200);
    }

    @Test
    void anExpiredLinkAndAnUnknownOneArePagesInTheReadersLanguage() {
        open(linkPath);
        assertThat(find("[data-refusal]").getAttribute("data-refusal")).isEqualTo("link_expired");
        assertThat(text("h1")).isEqualTo("Bu indirme bağlantısının süresi doldu");
        assertThat(pageText()).contains("İş ortağınızdan (bağlantıyı size gönderen kişiden) yeni bir indirme bağlantısı isteyin.");
        assertThat(script("return document.documentElement.lang;")).isEqualTo("tr");
        assertAccessible("expired download link, Turkish");
        screenshot("tr-download-link-expired");

        open("/downloads/not-a-link-of-ours");
        assertThat(find("[data-refusal]").getAttribute("data-refusal")).isEqualTo("link_invalid");
        assertThat(text("h1")).isEqualTo("Bu indirme bağlantısı geçerli değil");
        assertAccessible("unknown download link, Turkish");

        String browserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        assertThat(api("GET", linkPath, null, null, "Accept", browserAccept).status()).isEqualTo(410);
        assertThat(api("GET", "/downloads/not-a-link-of-ours", null, null, "Accept", browserAccept).status()).isEqualTo(404);
        Api client = api("GET", linkPath, null, null, "Accept", "*/*", "Accept-Language", "tr");
        assertThat(client.status()).isEqualTo(410);
        assertThat(client.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(client.json()).containsEntry("code", "link_expired");
    }
}
