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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spec's "Buy", "Activate and manage", "Cancel a purchase" and "View activity" steps with a
 * Hungarian browser: the terms of the Hungarian seed document (Ügyfelek, Termékek hozzáadása,
 * Kulcsok és letöltések beolvasása, Kulcs lekérése, Hivatkozás másolása, Rendelésszám, Küldés,
 * Műveletnapló), forints and dates written the Hungarian way, and the language switcher.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HungarianDashboardBrowserTest extends BrowserTest {

    private String order;

    @Override
    String browserLanguage() {
        return "hu";
    }

    @BeforeAll
    void files() {
        softwareFile(WINDOWS_SERVER_2022_STANDARD, "2022", "hu-HU", "x64", "WindowsServer2022_hu-HU_x64.iso", 32 * 1024);
    }

    @Test
    @Order(1)
    void theBrowsersLanguageIsTheDashboards() {
        open("/ui/login");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("hu");
        assertThat(text("h1")).isEqualTo("Bejelentkezés a CSP Software Deskbe");
        signIn(ADMIN_AGENT);
        assertThat(path()).isEqualTo("/ui/customers");
        assertThat(text("h1")).isEqualTo("Ügyfelek");
        assertThat(text(".mainnav")).contains("Ügyfelek", "Számlák", "Támogatási kérelmek");
    }

    /** „Vásárlás” — Ügyfelek › ügyfél › Termékek hozzáadása, the price in forints with the 27 % tax on top. */
    @Test
    @Order(2)
    void buy() {
        browser.findElement(By.linkText("Fabrikam Kft.")).click();
        click(".page-head .actions a.btn.primary");
        assertThat(text("h2")).isEqualTo("Termékek ügyfeleknek itt: Magyarország");
        browser.findElement(By.linkText("Windows Server 2022 Standard")).click();
        WebElement pack = find("article[data-offer='DG7GMGF0BHXC:0001:DZH318Z0TBEM']");
        assertThat(nbsp(pack.getText())).contains("Listaár", "384 840,00 Ft", "Adó (27%)", "103 906,80 Ft", "Bruttó", "488 746,80 Ft");
        pack.findElement(By.cssSelector("[data-action=add-to-cart]")).click();
        wait.until(d -> path().endsWith("/cart"));
        assertThat(text("h1")).isEqualTo("Kosár: a rendelés áttekintése és leadása");
        assertThat(text("article[data-line='1'] h2")).isEqualTo("Windows Server 2022 Standard — 16 magos licenccsomag");
        assertThat(nbsp(text("[data-price=gross]"))).isEqualTo("488 746,80 Ft");
        screenshot("hu-01-review-order");
        click("[data-action=place-order]");
        wait.until(d -> path().contains("/orders/"));
        assertThat(text(".flash")).isEqualTo("A rendelés leadva.");
        assertThat(pageText()).containsPattern("\\d{4}\\. [a-zé]+\\.? \\d{1,2}\\.");
        order = path().substring(path().lastIndexOf('/') + 1);
    }

    /** „Aktiválás és kezelés” — Szoftver, verzió, nyelv, bit, Kulcsok és letöltések beolvasása, Kulcs lekérése, Hivatkozás másolása. */
    @Test
    @Order(3)
    void activateAndManage() {
        open("/ui/customers/" + FABRIKAM);
        assertThat(text(".tabs a[aria-current=page]")).isEqualTo("Szoftver");
        WebElement row = find("article[data-product='" + WINDOWS_SERVER_2022_STANDARD + "']");
        assertThat(new Select(row.findElement(By.name("language"))).getFirstSelectedOption().getText())
                .isEqualTo("Magyar (Magyarország)");
        assertThat(row.findElement(By.cssSelector("[data-action=get-keys]")).getText()).isEqualTo("Kulcsok és letöltések beolvasása");
        click("[data-action=get-keys]");
        dialog();
        assertThat(text("[data-action=get-key]")).isEqualTo("Kulcs lekérése");
        click("[data-action=get-key]");
        assertThat(find("#product-key").getText()).matches(KEY_PATTERN);
        assertThat(text("[data-action=copy-link]")).isEqualTo("Hivatkozás másolása");
        click("[data-action=copy-link]");
        wait.until(d -> find("#link-copied").getText().equals("A hivatkozás kimásolva."));
        assertThat(find("#download-link").getAttribute("value")).startsWith(base() + "/downloads/");
        assertThat(text("[data-action=download]")).isEqualTo("Letöltés");
        screenshot("hu-02-keys-and-downloads");
        closeDialog();
    }

    /** „Vásárlás megszakítása” — a gomb, Rendelésszám, a hátralévő napok, Fontos, jelölőnégyzet, Küldés, megerősítés. */
    @Test
    @Order(4)
    void cancelAPurchase() {
        open("/ui/customers/" + FABRIKAM);
        // „Mégse” dismisses a dialog; cancelling a purchase is named as the dialog's title names it.
        assertThat(text("[data-action=cancel]")).isEqualTo("Vásárlás megszakítása");
        assertThat(text("[data-cancel-window=open]")).startsWith("Még 60 nap van a megszakításra (");
        click("[data-action=cancel]");
        WebElement dialog = dialog();
        assertThat(dialog.findElement(By.cssSelector("label[for=cancel-order]")).getText()).isEqualTo("Rendelésszám");
        assertThat(text("[data-preview=days-remaining]")).startsWith("Még 60 nap van a rendelés megszakítására");
        assertThat(dialog.getText()).contains("Fontos", "Elolvastam a megszakításra vonatkozó Fontos üzenetet.");
        assertThat(text("[data-action=submit-cancel]")).isEqualTo("Küldés");
        screenshot("hu-03-cancel-dialog");
        click("[data-field=acknowledged]");
        click("[data-action=submit-cancel]");
        wait.until(d -> present("[data-confirmation]"));
        assertThat(nbsp(text("[data-confirmation]"))).isEqualTo("A(z) " + order
                + " rendelés megszakítva. A(z) 488 746,80 Ft összegű jóváírás a következő havi számlán jelenik meg.");
        click("#dialog-host .dialog-foot a.btn");
        assertThat(find("article[data-product='" + WINDOWS_SERVER_2022_STANDARD + "']").getText()).contains("Megszakítva");
    }

    /** „Tevékenység megtekintése” — fogaskerék › Műveletnapló, dátumtartomány. */
    @Test
    @Order(5)
    void viewActivity() {
        signOutWithTheMenu();
        assertThat(text(".notice.info")).isEqualTo("Kijelentkezett.");
        signIn(GLOBAL_ADMIN);
        click("details[data-menu=settings] > summary");
        WebElement activity = find("details[data-menu=settings] a[href='/ui/settings/activity']");
        assertThat(activity.getText()).isEqualTo("Műveletnapló");
        activity.click();
        assertThat(text("h1")).isEqualTo("Műveletnapló");
        assertThat(text("label[for=from]")).isEqualTo("Ettől");
        assertThat(pageText()).contains("Termékkulcs lekérése", "Letöltési hivatkozás készítése", "Rendelés megszakítása",
                ADMIN_AGENT, "Fabrikam Kft.");
        screenshot("hu-04-activity-log");
    }

    /** The switcher changes the language for the session (a cookie) whatever the browser says, and back. */
    @Test
    @Order(6)
    void theLanguageSwitcher() {
        open("/ui/settings/activity");
        click("details[data-menu=language] > summary");
        click("details[data-menu=language] a[data-lang=de]");
        wait.until(d -> text("h1").equals("Aktivitätsprotokoll"));
        assertThat(path()).isEqualTo("/ui/settings/activity");
        open("/ui/invoices");
        assertThat(text("h1")).isEqualTo("Rechnungen");
        click("details[data-menu=language] > summary");
        click("details[data-menu=language] a[data-lang=hu]");
        wait.until(d -> text("h1").equals("Számlák"));
        // An unknown language changes nothing and does not lead elsewhere.
        open("/ui/language/fr?next=https://evil.example/");
        assertThat(path()).isEqualTo("/ui/customers");
        assertThat(text("h1")).isEqualTo("Ügyfelek");
    }

    private static String nbsp(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}
