package com.cspdesk.bootstrap.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spec's dashboard steps in English, as the demo admin agent: sign in; Customers (search,
 * pages); "Buy" (Add products, net/tax/gross in the customer's country, place the order);
 * "Activate and manage" (version, language, bit, Get keys and downloads, Get Key with copy,
 * Download, Copy Link); "Cancel a purchase" (order-number drop-down, days remaining, the Important
 * acknowledgement, Submit, confirmation; the window passed; the customer support request with a file);
 * then, as the global admin, "View activity" (date range, CSV) and the invoices (run with progress, PDF).
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartnerDashboardBrowserTest extends BrowserTest {

    private String agentToken;
    private byte[] windowsBits;
    private String firstOrder;
    private YearMonth purchaseMonth;

    @BeforeAll
    void customersAndFiles() {
        agentToken = apiLogin(ADMIN_AGENT);
        for (int i = 1; i <= 21; i++) {
            createCustomer(agentToken, String.format("Paging Customer %02d", i), String.format("paging-%02d.example", i), "DE");
        }
        windowsBits = softwareFile(WINDOWS_SERVER_2022_STANDARD, "2019", "en-US", "x64", "WindowsServer2019_en-US_x64.iso", 64 * 1024);
    }

    @Test
    @Order(1)
    void aPageAsksForSignInAndComesBackAfterwards() {
        open("/ui/customers?q=fab");
        assertThat(path()).isEqualTo("/ui/login");
        screenshot("01-sign-in");
        find("#username").sendKeys(ADMIN_AGENT);
        find("#password").sendKeys("not-the-password");
        click("form[action='/ui/login'] button[type=submit]");
        assertThat(text("#login-error")).isEqualTo("The username or password is not right.");
        assertThat(browser.manage().getCookieNamed("JWT")).isNull();
        find("#password").sendKeys(DEMO_PASSWORD);
        click("form[action='/ui/login'] button[type=submit]");
        wait.until(d -> path().equals("/ui/customers"));
        assertThat(browser.getCurrentUrl()).endsWith("/ui/customers?q=fab");
        assertThat(all("tbody tr")).hasSize(1);
        assertThat(text("tbody tr")).contains("Fabrikam Kft.", "fabrikam.demo", "Hungary");
        sessionCookie();
    }

    @Test
    @Order(2)
    void customersAreSearchedAndPaged() {
        open("/ui/customers");
        assertThat(text(".pager")).startsWith("1–20 of 26");
        screenshot("02-customers");
        find("#q").sendKeys("paging");
        click("form[role=search] button[type=submit]");
        wait.until(d -> d.getCurrentUrl().contains("q=paging"));
        assertThat(all("tbody tr")).hasSize(20);
        assertThat(text(".pager")).startsWith("1–20 of 21");
        click("a[rel=next]");
        wait.until(d -> d.getCurrentUrl().contains("page="));
        assertThat(all("tbody tr")).hasSize(1);
        assertThat(text("tbody tr")).contains("Paging Customer 21");
        assertThat(text(".pager")).startsWith("21–21 of 21");
        assertThat(present("a[rel=next]")).isFalse();
        find("#q").clear();
        find("#q").sendKeys("nobody-like-this");
        click("form[role=search] button[type=submit]");
        assertThat(text(".empty")).contains("No customer matches “nobody-like-this”");
    }

    /** Spec "Buy software subscriptions on behalf of customers", in Hungary: tax (27 %) on top of the net price. */
    @Test
    @Order(3)
    void buyFromTheCustomersDetailPage() {
        open("/ui/customers");
        browser.findElement(By.linkText("Fabrikam Kft.")).click();
        wait.until(d -> path().equals("/ui/customers/" + FABRIKAM));
        assertThat(text(".empty")).contains("No software yet");
        click(".page-head .actions a.btn.primary");
        assertThat(text("h2")).isEqualTo("Products for customers in Hungary");
        browser.findElement(By.linkText("Windows Server 2022 Standard")).click();
        WebElement pack = find("article[data-offer='DG7GMGF0BHXC:0001:DZH318Z0TBEM']");
        assertThat(pack.getText()).contains("16 Core License Pack", "HUF 384,840.00", "Tax (27%)", "HUF 103,906.80", "HUF 488,746.80");
        screenshot("03-add-products");
        WebElement quantity = pack.findElement(By.name("quantity"));
        quantity.clear();
        quantity.sendKeys("2");
        pack.findElement(By.cssSelector("[data-action=review]")).click();
        assertThat(text("[data-price=net]")).isEqualTo("HUF 769,680.00");
        assertThat(text("[data-price=tax]")).isEqualTo("HUF 207,813.60");
        assertThat(text("[data-price=gross]")).isEqualTo("HUF 977,493.60");
        screenshot("04-review-order");
        click("[data-action=place-order]");
        wait.until(d -> path().contains("/orders/"));
        assertThat(text(".flash")).isEqualTo("The order was placed.");
        assertThat(pageText()).contains("Windows Server 2022 Standard – 16 Core License Pack", "HUF 977,493.60", "Completed");
        firstOrder = path().substring(path().lastIndexOf('/') + 1);
        // The month the product dated the order in (its clock, not the test's).
        purchaseMonth = YearMonth.from(Instant.parse((String) api("GET", "/v1/customers/" + FABRIKAM + "/orders/" + firstOrder,
                agentToken, null).json().get("creationDate")).atZone(ZoneOffset.UTC));
        // Reloading the posted form (or a double click) does not buy twice: the review page's request id is used once.
        browser.navigate().back();
        click("[data-action=place-order]");
        wait.until(d -> path().endsWith(firstOrder));
        open("/ui/customers/" + FABRIKAM + "/orders");
        assertThat(all("tbody tr")).hasSize(1);
    }

    /** Australia: the list price includes the GST, which the review shows inside the gross. */
    @Test
    @Order(4)
    void inAustraliaThePriceIncludesTax() {
        open("/ui/customers/" + NORTHWIND + "/orders/review?offerId=DG7GMGF0BHXC:0001:DZH318Z0TKNY&quantity=1");
        assertThat(text("[data-price=gross]")).isEqualTo("A$1,787.37");
        assertThat(text("[data-price=tax]")).isEqualTo("A$162.49");
        assertThat(text("[data-price=net]")).isEqualTo("A$1,624.88");
        assertThat(pageText()).contains("Prices in Australia include tax");
    }

    /** The review refuses what placing would refuse; a refused post comes back to the review and buys nothing. */
    @Test
    @Order(4)
    void aQuantityOutsideTheSkusRangeIsRefusedOnTheReviewAndWhenPosted() {
        String review = "/ui/customers/" + NORTHWIND + "/orders/review?offerId=DG7GMGF0BHXC:0001:DZH318Z0TKNY";
        open(review + "&quantity=0");
        assertThat(text("#quantity-error")).startsWith("Quantity 1 to ");
        assertThat(present("[data-price=gross]")).isFalse();
        assertThat(present("[data-action=place-order]")).isFalse();

        open("/ui/customers/" + NORTHWIND + "/orders");
        int orders = all("tbody tr").size();
        open(review + "&quantity=1");
        // A form changed after it was shown (a quantity the review never quoted) is refused by placing itself.
        script("document.querySelector('form[method=post] input[name=quantity]').value = '0';");
        click("[data-action=place-order]");
        wait.until(d -> path().endsWith("/orders/review") && d.getCurrentUrl().contains("quantity=0"));
        assertThat(text("#quantity-error")).startsWith("Quantity 1 to ");
        assertThat(present("[data-action=place-order]")).isFalse();
        open("/ui/customers/" + NORTHWIND + "/orders");
        assertThat(all("tbody tr")).hasSize(orders);
    }

    /** Spec "Activate and manage software subscriptions" steps 1–5. */
    @Test
    @Order(5)
    void getKeysAndDownloads() throws Exception {
        open("/ui/customers/" + FABRIKAM);
        WebElement row = find("article[data-product='" + WINDOWS_SERVER_2022_STANDARD + "']");
        assertThat(row.getText()).contains("Windows Server 2022 Standard", "Active", firstOrder);
        select("article[data-product='" + WINDOWS_SERVER_2022_STANDARD + "'] select[name=version]", "2019");
        select("article[data-product='" + WINDOWS_SERVER_2022_STANDARD + "'] select[name=language]", "en-US");
        select("article[data-product='" + WINDOWS_SERVER_2022_STANDARD + "'] select[name=bitness]", "x64");
        screenshot("05-software");
        click("[data-action=get-keys]");
        WebElement dialog = dialog();
        assertThat(dialog.getText()).contains("Get keys and downloads", "Version 2019", "English (United States)", "64-bit");

        click("[data-action=get-key]");
        String key = find("#product-key").getText();
        assertThat(key).matches(KEY_PATTERN);
        click("[data-copy-target=product-key]");
        wait.until(d -> find("#key-copied").getText().equals("Copied."));
        assertThat(clipboard()).isEqualTo(key);

        click("[data-action=copy-link]");
        String link = find("#download-link").getAttribute("value");
        assertThat(link).startsWith(base() + "/downloads/");
        wait.until(d -> find("#link-copied").getText().equals("The link is copied."));
        assertThat(clipboard()).isEqualTo(link);
        assertThat(dialog().getText()).contains("or for 50 downloads, whichever comes first", "WindowsServer2019_en-US_x64.iso");
        screenshot("06-keys-and-downloads");
        assertThat(api("GET", link.substring(base().length()), null, null).bytes()).isEqualTo(windowsBits);

        click("[data-action=download]");
        Path downloaded = awaitDownload("WindowsServer2019_en-US_x64.iso");
        assertThat(Files.readAllBytes(downloaded)).isEqualTo(windowsBits);
        closeDialog();

        // The same key again: keys are issued once per line and version.
        click("[data-action=get-keys]");
        dialog();
        click("[data-action=get-key]");
        assertThat(find("#product-key").getText()).isEqualTo(key);
        closeDialog();

        phone();
        open("/ui/customers/" + FABRIKAM);
        screenshot("07-software-phone");
        laptop();
    }

    /** Spec "Cancel a purchase" steps 5–8 and the confirmation; the server refuses without the acknowledgement. */
    @Test
    @Order(6)
    void cancelAPurchase() {
        open("/ui/customers/" + FABRIKAM);
        click("[data-action=cancel]");
        WebElement dialog = dialog();
        assertThat(new org.openqa.selenium.support.ui.Select(find("#cancel-order")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo(firstOrder);
        assertThat(text("[data-preview=days-remaining]")).startsWith("60 days remain to cancel this order");
        assertThat(dialog.getText()).contains("Important", "revoked", "next monthly invoice", "HUF 977,493.60");
        screenshot("08-cancel-dialog");

        // Without the tick (the browser's own check taken away) the server refuses and changes nothing.
        script("document.querySelector('[data-field=acknowledged]').removeAttribute('required');");
        click("[data-action=submit-cancel]");
        wait.until(d -> present("#dialog-host .field.error"));
        assertThat(text("#dialog-host .field.error")).isEqualTo("Tick the box to confirm that you have read the Important message.");
        assertThat(api("GET", "/v1/customers/" + FABRIKAM + "/orders/" + firstOrder, agentToken, null).json().get("status"))
                .isEqualTo("completed");

        click("[data-field=acknowledged]");
        click("[data-action=submit-cancel]");
        wait.until(d -> present("[data-confirmation]"));
        assertThat(text("[data-confirmation]")).isEqualTo("Order " + firstOrder
                + " is cancelled. A credit of HUF 977,493.60 will appear on your next monthly invoice.");
        screenshot("09-cancel-confirmation");
        click("#dialog-host .dialog-foot a.btn");
        WebElement row = find("article[data-product='" + WINDOWS_SERVER_2022_STANDARD + "']");
        assertThat(row.getText()).contains("Cancelled", "keys and download links were revoked");
        assertThat(row.findElements(By.cssSelector("[data-action=get-keys], [data-action=cancel]"))).isEmpty();
        assertThat(api("GET", "/v1/customers/" + FABRIKAM + "/orders/" + firstOrder, agentToken, null).json().get("status"))
                .isEqualTo("cancelled");
    }

    /** "If we need more information … a link to a customer support request form", with Add files. */
    @Test
    @Order(7)
    void aCancellationThatNeedsMoreInformationLeadsToTheSupportRequestForm() throws Exception {
        String reservation = buy(agentToken, FABRIKAM, "HU", RESERVED_VM, 100);
        // Azure reservations have no keys, so they are not on the Software tab: the order page has the Cancel button.
        open("/ui/customers/" + FABRIKAM + "/orders");
        click("a[href$='/orders/" + reservation + "']");
        click("[data-action=cancel]");
        dialog();
        assertThat(new org.openqa.selenium.support.ui.Select(find("#cancel-order")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo(reservation);
        wait.until(d -> find("#cancel-preview").getText().contains("We need more information"));
        click("#cancel-preview [data-action=support-request]");
        wait.until(d -> path().equals("/ui/support/new"));
        assertThat(find("#customer").getAttribute("value")).isEqualTo("fabrikam.demo");
        assertThat(find("#orderId").getAttribute("value")).isEqualTo(reservation);
        assertThat(find("#currency").getAttribute("value")).isEqualTo("HUF");
        assertThat(new org.openqa.selenium.support.ui.Select(find("#category")).getFirstSelectedOption().getText())
                .isEqualTo("CSP Purchase/Refund on behalf of customers");
        select("#impact", "high");
        find("#refundReason").sendKeys("The customer ordered 100 reservations instead of 10.");
        find("#contactName").sendKeys("Agnes Admin");
        find("#contactPhone").sendKeys("+36 1 234 5678");
        Path note = Files.createTempFile("refund-note-", ".txt");
        Files.writeString(note, "Order confirmation from the customer: 10 reservations, not 100.\n");
        find("#files").sendKeys(note.toString());
        screenshot("10-support-request");
        click("[data-action=submit-support]");
        wait.until(d -> path().startsWith("/ui/support/") && !path().endsWith("/new"));
        assertThat(text(".flash")).isEqualTo("The support request was submitted.");
        assertThat(pageText()).contains("Refund for order " + reservation, FABRIKAM, "High", "Agnes Admin",
                note.getFileName().toString());
        Files.deleteIfExists(note);
        open("/ui/support");
        assertThat(all("tbody tr")).hasSize(1);
    }

    /** After 60 days the dialog says the window has passed (sandbox clock moved forward). */
    @Test
    @Order(8)
    void afterSixtyDaysTheWindowHasPassed() {
        String later = buy(agentToken, FABRIKAM, "HU", SQL_SERVER_2022_STANDARD, 1);
        Api moved = api("PUT", "/v1/test/clock", agentToken, Map.of("advanceBy", "P61D"));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        open("/ui/customers/" + FABRIKAM + "/cancel?orderId=" + later);
        assertThat(text("[data-preview=window-passed]")).startsWith("The cancellation window of this order has passed");
    }

    /** Spec "View activity for software key access and software downloads", as the global admin, and the CSV. */
    @Test
    @Order(9)
    void viewActivity() {
        signOutWithTheMenu();
        assertThat(text(".notice.info")).isEqualTo("You are signed out.");
        signIn(GLOBAL_ADMIN);
        click("details[data-menu=settings] > summary");
        click("details[data-menu=settings] a[href='/ui/settings/activity']");
        assertThat(text("h1")).isEqualTo("Activity log");
        // The sandbox clock moved 61 days on: the default last 30 days hold nothing, so start earlier.
        assertThat(text(".empty")).contains("No activity in this date range");
        script("document.getElementById('from').value = document.getElementById('from').min;");
        click("form[action='/ui/settings/activity'] button[type=submit]");
        wait.until(d -> d.getCurrentUrl().contains("from="));
        List<String> operations = all("tbody tr").stream().map(r -> r.getAttribute("data-operation")).toList();
        assertThat(operations).contains("get_software_key", "get_software_download_link", "download_software",
                "create_order", "cancel_order", "create_service_request");
        select("#kind", "get_software_key");
        click("form[action='/ui/settings/activity'] button[type=submit]");
        wait.until(d -> d.getCurrentUrl().contains("kind="));
        wait.until(d -> d.getCurrentUrl().contains("kind=get_software_key"));
        assertThat(all("tbody tr")).hasSize(2).allSatisfy(row -> assertThat(row.getText())
                .contains(ADMIN_AGENT, "Product key accessed", "Fabrikam Kft."));
        screenshot("11-activity-log");
        String csv = find("[data-action=export-csv]").getAttribute("href");
        Api export = api("GET", csv.substring(base().length()), null, null, "Cookie", sessionCookie());
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(export.body()).contains("get_software_key", ADMIN_AGENT).doesNotContain("create_order");

    }

    /** The invoice run with its progress, the credit of the cancellation, and the PDF behind the page's link. */
    @Test
    @Order(10)
    void invoices() {
        open("/ui/invoices");
        script("document.getElementById('month').value = arguments[0];", purchaseMonth.toString());
        click("[data-action=start-run]");
        // The progress is polled while the run runs; when it is done the page shows the new invoice under it.
        wait.withTimeout(java.time.Duration.ofSeconds(30)).until(d -> browser.getCurrentUrl().contains("run=")
                && "completed".equals(script("var r = document.querySelector('[data-run]'); return r && r.dataset.status;")));
        assertThat(find("[data-run] progress").getAttribute("value")).isEqualTo(find("[data-run] progress").getAttribute("max"));
        WebElement invoice = find("tr[data-invoice]");
        screenshot("12-invoice-run");
        assertThat(invoice.getText()).contains("HUF");
        String pdf = invoice.findElement(By.cssSelector("a[data-format=pdf]")).getAttribute("href");
        Api document = api("GET", pdf.substring(base().length()), null, null, "Cookie", sessionCookie());
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.header("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(new String(document.bytes(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        invoice.findElement(By.cssSelector("a.mono")).click();
        assertThat(text("h1")).startsWith("Invoice");
        assertThat(pageText()).contains("Charges", "Credits", "Fabrikam Kft.", firstOrder, "-HUF 977,493.60");
        screenshot("13-invoice");
    }
}
