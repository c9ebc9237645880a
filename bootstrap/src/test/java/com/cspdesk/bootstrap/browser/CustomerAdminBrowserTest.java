package com.cspdesk.bootstrap.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebElement;

import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spec "Server subscription download and license keys available … for customers": the demo
 * customer admin (Contoso) signs in, lands on Billing › Your products › Software, and sees its own
 * tenant's software only — with keys and downloads — while another customer's purchases stay
 * invisible and the partner's pages are refused.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CustomerAdminBrowserTest extends BrowserTest {

    private String contosoOrder;
    private String fabrikamOrder;
    private byte[] sqlBits;

    @BeforeAll
    void purchasesForTwoCustomers() {
        String agent = apiLogin(ADMIN_AGENT);
        contosoOrder = buy(agent, CONTOSO, "DE", SQL_SERVER_2022_STANDARD, 1);
        fabrikamOrder = buy(agent, FABRIKAM, "HU", WINDOWS_SERVER_2022_STANDARD, 1);
        sqlBits = softwareFile(SQL_SERVER_2022_STANDARD, "2022", "de-DE", "x64", "SQLServer2022-x64-DEU.iso", 16 * 1024);
    }

    @Test
    @Order(1)
    void theCustomersAdminSeesItsOwnSoftwareOnly() throws Exception {
        signIn(CUSTOMER_ADMIN);
        assertThat(path()).isEqualTo("/ui/billing/products/software");
        assertThat(text(".breadcrumb")).isEqualTo("Billing › Your products");
        assertThat(text(".tabs a[aria-current=page]")).isEqualTo("Software");
        assertThat(all(".mainnav a")).extracting(WebElement::getText).containsExactly("Billing");
        List<WebElement> rows = all("article[data-software]");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).contains("SQL Server 2022 Standard", contosoOrder).doesNotContain(fabrikamOrder);
        assertThat(pageText()).contains("Contoso GmbH").doesNotContain("Fabrikam").doesNotContain("Windows Server");
        assertThat(present("[data-action=cancel]")).isFalse();
        screenshot("16-customer-billing-software");

        select("select[name=language]", "de-DE");
        click("[data-action=get-keys]");
        dialog();
        click("[data-action=get-key]");
        assertThat(find("#product-key").getText()).matches(KEY_PATTERN);
        // Spoken to the customer, not to the partner: nothing asks it to "send the key to the customer".
        assertThat(text("dialog[open]")).contains("Keep the key within your organisation", "share it only within your organisation")
                .doesNotContain("to the customer");
        click("[data-action=download]");
        assertThat(Files.readAllBytes(awaitDownload("SQLServer2022-x64-DEU.iso"))).isEqualTo(sqlBits);
        closeDialog();
    }

    @Test
    @Order(2)
    void anotherTenantAndThePartnersPagesStayClosed() {
        // The table lets a customer's admin view customers: on the partner's list it finds its own company only.
        open("/ui/customers");
        assertThat(find("table.cards tbody").getText()).contains("Contoso");
        assertThat(pageText()).doesNotContain("Fabrikam");
        // Another tenant is not found (never "not allowed": tenants cannot probe each other), by tenant id or domain.
        open("/ui/customers/" + FABRIKAM);
        assertThat(text(".empty strong")).isEqualTo("Not found");
        open("/ui/customers/fabrikam.demo/orders");
        assertThat(text(".empty strong")).isEqualTo("Not found");
        open("/ui/customers/" + CONTOSO + "/software/x");
        assertThat(text(".empty strong")).isEqualTo("Not found");
        // What the table leaves out stays closed: buying and cancelling on the partner's pages.
        open("/ui/customers/" + CONTOSO + "/products");
        assertThat(text(".empty strong")).isEqualTo("Not allowed");
        // Its own software list has no address for another tenant: an id of Fabrikam's software is simply not found.
        String fabrikamSoftware = fabrikamSoftwareId();
        open("/ui/billing/products/software/" + fabrikamSoftware + "?version=2022&language=en-US&bitness=x64");
        assertThat(text(".empty strong")).isEqualTo("Not found");
        String token = (String) script("return document.querySelector('meta[name=csrf-token]').content;");
        Object status = ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch('/ui/billing/products/software/' + arguments[0] + '/key', {method: 'POST',"
                        + " headers: {'Content-Type': 'application/x-www-form-urlencoded'},"
                        + " body: 'version=2022&language=en-US&bitness=x64&csrfToken=' + arguments[1]}).then(function (r) { done(r.status); });",
                fabrikamSoftware, token);
        assertThat(status).isEqualTo(404L);
    }

    @SuppressWarnings("unchecked")
    private String fabrikamSoftwareId() {
        List<java.util.Map<String, Object>> items = (List<java.util.Map<String, Object>>) api("GET",
                "/v1/customers/" + FABRIKAM + "/software", apiLogin(ADMIN_AGENT), null).json().get("items");
        return (String) items.get(0).get("id");
    }
}
