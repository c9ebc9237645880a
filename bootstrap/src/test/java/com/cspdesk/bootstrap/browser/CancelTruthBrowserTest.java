package com.cspdesk.bootstrap.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #17 item 3, "Cancel that says the truth", as the admin agent in English, German and Turkish: the
 * software cards say the days left to cancel (plural forms); the order picker leads with product and date;
 * a cancellation inside the window works and the page behind the confirmation is current; the cancelled
 * order shows its credit (negative) and the invoice it lands on; after the window (the sandbox clock moved)
 * the card has no Cancel and says on which date the window ended, and the dialog has no enabled Submit;
 * German says "Stornieren", Turkish tells the button from the badge. The product's clock stands still
 * unless the test moves it, so the days are exact.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CancelTruthBrowserTest extends BrowserTest {

    private static final Pattern UNTIL = Pattern.compile("\\(until (.+)\\)\\.$");

    private String agentToken;
    private String windows;
    private String sql;
    private String windowEnd;
    private YearMonth purchaseMonth;

    /** The product's time moves only when the test moves it (EndToEnd's still sandbox clock): the days are exact. */
    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("cspdesk.test.clock-stands-still", "true");
        return properties;
    }

    @BeforeAll
    void purchases() {
        agentToken = apiLogin(ADMIN_AGENT);
        windows = buy(agentToken, FABRIKAM, "HU", WINDOWS_SERVER_2022_STANDARD, 1);
        sql = buy(agentToken, FABRIKAM, "HU", SQL_SERVER_2022_STANDARD, 1);
        purchaseMonth = YearMonth.from(Instant.parse((String) api("GET", "/v1/customers/" + FABRIKAM + "/orders/" + windows,
                agentToken, null).json().get("creationDate")).atZone(ZoneOffset.UTC));
    }

    @Test
    @Order(1)
    void theCardsSayTheDaysLeftAndThePickerLeadsWithProductAndDate() {
        signIn(ADMIN_AGENT);
        open("/ui/customers/" + FABRIKAM);
        WebElement card = card(WINDOWS_SERVER_2022_STANDARD);
        String daysLeft = card.findElement(By.cssSelector("[data-cancel-window=open]")).getText();
        assertThat(daysLeft).startsWith("60 days left to cancel, until ");
        assertThat(card(SQL_SERVER_2022_STANDARD).findElement(By.cssSelector("[data-cancel-window]")).getText()).isEqualTo(daysLeft);
        assertAccessible("software with days left to cancel");

        card.findElement(By.cssSelector("[data-action=cancel]")).click();
        dialog();
        Select picker = new Select(find("#cancel-order"));
        assertThat(picker.getFirstSelectedOption().getAttribute("value")).isEqualTo(windows);
        String option = picker.getFirstSelectedOption().getText();
        assertThat(option).startsWith("Windows Server 2022 Standard").contains(" · bought ").endsWith(" · " + windows);
        assertThat(option.indexOf(windows)).isGreaterThan(option.indexOf("bought"));
        assertThat(text("[data-selected-order]")).isEqualTo("Order ID " + windows);
        String remain = text("[data-preview=days-remaining]");
        Matcher until = UNTIL.matcher(remain);
        assertThat(until.find()).as(remain).isTrue();
        windowEnd = until.group(1);
        // The card and the dialog name the same last day: both are the policy's.
        assertThat(daysLeft).isEqualTo("60 days left to cancel, until " + windowEnd);
        assertThat(find("[data-action=submit-cancel]").isEnabled()).isTrue();
        assertThat(text("#dialog-host .dialog-foot [data-close-dialog]")).isEqualTo("Close");
        assertAccessible("cancel dialog");
    }

    @Test
    @Order(2)
    void aCancellationInsideTheWindowLeavesTheCardBehindCurrentAndTheOrderShowsItsCredit() {
        click("[data-field=acknowledged]");
        click("[data-action=submit-cancel]");
        wait.until(d -> present("[data-confirmation]"));
        assertThat(text("[data-confirmation]")).contains(windows, "488,746.80");
        // Behind the still open confirmation, the Software page already shows the cancellation (no reload).
        wait.until(d -> String.valueOf(script("var a = document.querySelector(\"#main article[data-product='\" + arguments[0]"
                + " + \"']\"); return a ? a.innerText : '';", WINDOWS_SERVER_2022_STANDARD)).contains("keys and download links were revoked"));
        WebElement behind = card(WINDOWS_SERVER_2022_STANDARD);
        assertThat(behind.findElement(By.cssSelector(".badge")).getText()).isEqualTo("Cancelled");
        assertThat(behind.findElements(By.cssSelector("[data-action=cancel], [data-cancel-window]"))).isEmpty();
        assertThat(present("[data-confirmation]")).isTrue();
        assertAccessible("cancel confirmation over the refreshed software");
        closeDialog();

        open("/ui/customers/" + FABRIKAM + "/orders/" + windows);
        assertThat(present("[data-action=cancel]")).isFalse();
        assertThat(present("[data-cancel-window]")).isFalse();
        String lineCredit = text("[data-line-credit='0']");
        assertThat(lineCredit).matches("[-−][\\s\\u00a0\\u202f]?HUF[\\s\\u00a0\\u202f]?488,746\\.80");
        assertThat(text("tfoot")).contains("Total charged", "Credited");
        WebElement note = find("tr[data-credit-note='0']");
        assertThat(note.getText()).contains("Windows Server 2022 Standard", "Cancellation");
        assertThat(note.findElement(By.cssSelector("[data-credit-amount]")).getText()).isEqualTo(lineCredit);
        assertThat(note.findElement(By.cssSelector("[data-credit-invoice]")).getText()).isEqualTo("The next monthly invoice");
        assertAccessible("cancelled order with its credit");
        screenshot("22-order-credit");

        // The order history says what the cancelled order was credited, beside what it cost.
        open("/ui/customers/" + FABRIKAM + "/orders");
        WebElement row = find("a[href$='/orders/" + windows + "']").findElement(By.xpath("ancestor::tr"));
        assertThat(row.findElement(By.cssSelector("[data-order-credit]")).getText()).contains("Credited", lineCredit);
        WebElement other = find("a[href$='/orders/" + sql + "']").findElement(By.xpath("ancestor::tr"));
        assertThat(other.findElements(By.cssSelector("[data-order-credit]"))).isEmpty();
        assertAccessible("order history with a credit");
    }

    @Test
    @Order(3)
    void germanSaysStornierenForThePurchaseAndSchliessenForTheDialog() {
        open("/ui/language/de?next=/ui/customers/" + FABRIKAM);
        wait.until(d -> "de".equals(browser.findElement(By.tagName("html")).getAttribute("lang")));
        WebElement card = card(SQL_SERVER_2022_STANDARD);
        assertThat(card.findElement(By.cssSelector("[data-cancel-window=open]")).getText()).startsWith("Noch 60 Tage zum Stornieren, bis ");
        assertThat(card.findElement(By.cssSelector("[data-action=cancel]")).getText()).isEqualTo("Stornieren");
        assertThat(card(WINDOWS_SERVER_2022_STANDARD).findElement(By.cssSelector(".badge")).getText()).isEqualTo("Storniert");
        assertThat(pageText()).doesNotContain("Abbrechen");
        assertAccessible("Software (de)");
        card.findElement(By.cssSelector("[data-action=cancel]")).click();
        dialog();
        assertThat(text("#cancel-title")).isEqualTo("Kauf stornieren");
        assertThat(new Select(find("#cancel-order")).getFirstSelectedOption().getText())
                .startsWith("SQL Server 2022 Standard – 2 Core License Pack · gekauft am ").endsWith(" · " + sql);
        assertThat(text("[data-preview=days-remaining]")).startsWith("Zum Stornieren dieser Bestellung verbleiben 60 Tage (bis ");
        assertThat(text("#dialog-host .dialog-foot [data-close-dialog]")).isEqualTo("Schließen");
        assertThat(text("dialog[open]")).doesNotContain("Abbrechen");
        assertAccessible("cancel dialog (de)");
        closeDialog();

        open("/ui/customers/" + FABRIKAM + "/orders/" + windows);
        assertThat(find("tr[data-credit-note='0']").getText()).contains("Stornierung", "Die nächste Monatsrechnung");
        assertThat(pageText()).contains("Gutschriften", "Gutgeschrieben");
        assertAccessible("cancelled order (de)");
    }

    @Test
    @Order(4)
    void turkishTellsTheCancelButtonFromTheCancelledBadge() {
        open("/ui/language/tr?next=/ui/customers/" + FABRIKAM);
        wait.until(d -> "tr".equals(browser.findElement(By.tagName("html")).getAttribute("lang")));
        String button = card(SQL_SERVER_2022_STANDARD).findElement(By.cssSelector("[data-action=cancel]")).getText();
        String badge = card(WINDOWS_SERVER_2022_STANDARD).findElement(By.cssSelector(".badge")).getText();
        assertThat(button).isEqualTo("Satın almayı iptal et");
        assertThat(badge).isEqualTo("İptal edildi");
        assertThat(card(SQL_SERVER_2022_STANDARD).findElement(By.cssSelector("[data-cancel-window=open]")).getText())
                .startsWith("İptal için 60 gün kaldı, ");
        assertThat(card(WINDOWS_SERVER_2022_STANDARD).getText()).contains("geçersiz kılındı");
        assertAccessible("Software (tr)");
    }

    @Test
    @Order(5)
    void afterTheWindowTheCardHasNoCancelAndTheDialogNoEnabledSubmit() {
        Api moved = api("PUT", "/v1/test/clock", agentToken, Map.of("advanceBy", "P61D"));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        open("/ui/language/en?next=/ui/customers/" + FABRIKAM);
        wait.until(d -> "en".equals(browser.findElement(By.tagName("html")).getAttribute("lang")));
        WebElement card = card(SQL_SERVER_2022_STANDARD);
        assertThat(card.findElements(By.cssSelector("[data-action=cancel]"))).isEmpty();
        assertThat(card.findElement(By.cssSelector("[data-cancel-window=passed]")).getText())
                .isEqualTo("The cancellation window ended on " + windowEnd + ": this purchase can no longer be cancelled.");
        assertAccessible("software past the window");
        screenshot("21-cancel-window-passed");

        open("/ui/customers/" + FABRIKAM + "/orders/" + sql);
        assertThat(present("[data-action=cancel]")).isFalse();
        assertThat(text("[data-cancel-window=passed]")).startsWith("The cancellation window ended on " + windowEnd);
        assertAccessible("order past the window");

        // The dialog's address still answers: it says so, and Submit cannot be pressed.
        open("/ui/customers/" + FABRIKAM + "/cancel?orderId=" + sql);
        assertThat(text("[data-preview=window-passed]")).startsWith("The cancellation window of this order has passed (" + windowEnd + ")");
        assertThat(find("[data-action=submit-cancel]").isEnabled()).isFalse();
        assertThat(present("[data-field=acknowledged]")).isFalse();
        assertAccessible("cancel dialog past the window");

        open("/ui/language/de?next=/ui/customers/" + FABRIKAM);
        wait.until(d -> "de".equals(browser.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(card(SQL_SERVER_2022_STANDARD).findElement(By.cssSelector("[data-cancel-window=passed]")).getText())
                .startsWith("Die Stornierungsfrist ist am ").endsWith(" abgelaufen: Dieser Kauf kann nicht mehr storniert werden.");
        assertThat(card(SQL_SERVER_2022_STANDARD).findElements(By.cssSelector("[data-action=cancel]"))).isEmpty();
    }

    @Test
    @Order(6)
    void choosingAnotherOrderInThePickerTurnsSubmitOnAndOff() {
        String later = buy(agentToken, FABRIKAM, "HU", WINDOWS_SERVER_2022_STANDARD, 2);
        open("/ui/language/en?next=/ui/customers/" + FABRIKAM);
        wait.until(d -> "en".equals(browser.findElement(By.tagName("html")).getAttribute("lang")));
        WebElement fresh = browser.findElements(By.cssSelector("article[data-product='" + WINDOWS_SERVER_2022_STANDARD + "']"))
                .stream().filter(a -> a.getText().contains(later)).findFirst().orElseThrow();
        assertThat(fresh.findElement(By.cssSelector("[data-cancel-window=open]")).getText()).startsWith("60 days left to cancel, until ");
        // This time from the order's own page, which says the same.
        open("/ui/customers/" + FABRIKAM + "/orders/" + later);
        assertThat(text("[data-cancel-window=open]")).startsWith("60 days left to cancel, until ");
        click("[data-action=cancel]");
        dialog();
        assertThat(find("[data-action=submit-cancel]").isEnabled()).isTrue();
        new Select(find("#cancel-order")).selectByValue(sql);
        wait.until(d -> present("[data-preview=window-passed]"));
        wait.until(d -> !find("[data-action=submit-cancel]").isEnabled());
        assertThat(text("[data-selected-order]")).isEqualTo("Order ID " + sql);
        assertAccessible("cancel dialog, an order past the window chosen");
        new Select(find("#cancel-order")).selectByValue(later);
        wait.until(d -> present("[data-preview=days-remaining]"));
        wait.until(d -> find("[data-action=submit-cancel]").isEnabled());
        click("[data-field=acknowledged]");
        click("[data-action=submit-cancel]");
        wait.until(d -> present("[data-confirmation]"));
        assertThat(text("[data-confirmation]")).contains(later, "977,493.60");
        // Behind the confirmation, the order page already shows the credit where the amounts were.
        wait.until(d -> present("#main [data-line-credit='0']"));
        assertThat(text("#main [data-line-credit='0']")).contains("977,493.60");
        assertThat(all("#main [data-action=cancel]")).isEmpty();
        closeDialog();
    }

    @Test
    @Order(7)
    void aCreditOnAnInvoiceNamesThatInvoice() {
        // The month of the purchase and of the cancellation has ended (the clock moved 61 days): invoice it.
        open("/ui/invoices");
        script("document.getElementById('month').value = arguments[0];", purchaseMonth.toString());
        click("[data-action=start-run]");
        wait.withTimeout(java.time.Duration.ofSeconds(30)).until(d -> browser.getCurrentUrl().contains("run=")
                && "completed".equals(script("var r = document.querySelector('[data-run]'); return r && r.dataset.status;")));
        open("/ui/customers/" + FABRIKAM + "/orders/" + windows);
        String invoice = find("tr[data-credit-note='0'] [data-credit-invoice]").getText();
        assertThat(invoice).doesNotContain("next monthly invoice").contains(fmtMonth(purchaseMonth));
        String invoiceId = find("tr[data-credit-note='0'] [data-credit-invoice] a").getText();
        assertThat(invoice).startsWith(invoiceId);
        assertAccessible("cancelled order with its invoice");
        click("tr[data-credit-note='0'] [data-credit-invoice] a");
        wait.until(d -> path().equals("/ui/invoices/" + invoiceId));
        assertThat(pageText()).contains(windows, "Fabrikam Kft.");
    }

    private WebElement card(String product) {
        return find("article[data-product='" + product + "']");
    }

    private static String fmtMonth(YearMonth month) {
        return month.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " " + month.getYear();
    }
}
