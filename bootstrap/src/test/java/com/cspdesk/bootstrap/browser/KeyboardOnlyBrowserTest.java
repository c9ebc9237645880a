package com.cspdesk.bootstrap.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * #17 item 8: the spec's three steps walked with the keyboard alone — sign in, buy (customer, Add products, a
 * product, quantity, Add to cart, Place order), get the key (Get keys and downloads, Get Key, Escape), cancel
 * (Cancel, the acknowledgement with Space, Submit) — in English and in Turkish. Every control is reached with Tab
 * (never clicked, never focused by script), shows the focus ring when it is reached (WCAG 2.4.7), and every
 * page and open dialog on the way passes axe-core.
 */
@MicronautTest(transactional = false)
class KeyboardOnlyBrowserTest extends BrowserTest {

    /** More Tab presses than any page of the walk has controls before its target: a missing control fails, not loops. */
    private static final int MOST_TABS = 120;

    private String token;

    @BeforeAll
    void signInForTheApi() {
        token = apiLogin(ADMIN_AGENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "tr"})
    void buyGetTheKeyAndCancelWithTheKeyboardAlone(String language) {
        String domain = "keys-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        String customer = createCustomer(token, "Keyboard " + language + " GmbH", domain, "DE");
        open("/ui/language/" + language + "?next=/ui/login");
        wait.until(d -> path().equals("/ui/login"));
        assertAccessible("sign-in [" + language + "]");

        // Sign in: the fields in the page's order, Enter submits.
        tabTo("#username").sendKeys(ADMIN_AGENT);
        tabTo("#password").sendKeys(DEMO_PASSWORD, Keys.ENTER);
        wait.until(d -> !path().equals("/ui/login"));

        // Buy: from the customers list to one order, by Tab and Enter only.
        open("/ui/customers?q=" + domain);
        enter(tabTo("a[href='/ui/customers/" + customer + "']"));
        wait.until(d -> path().equals("/ui/customers/" + customer));
        enter(tabTo("a[href='/ui/customers/" + customer + "/products']"));
        wait.until(d -> path().endsWith("/products"));
        assertAccessible("catalog [" + language + "]");
        enter(tabTo("a[href='/ui/customers/" + customer + "/products/" + WINDOWS_SERVER_2022_STANDARD + "']"));
        wait.until(d -> path().endsWith("/products/" + WINDOWS_SERVER_2022_STANDARD));
        WebElement quantity = tabTo("#qty-0");
        quantity.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2");
        enter(tabTo("[data-action=add-to-cart]"));
        wait.until(d -> path().endsWith("/cart"));
        assertAccessible("cart [" + language + "]");
        enter(tabTo("[data-action=place-order]"));
        wait.until(d -> path().matches("/ui/customers/" + customer + "/orders/[^/]+"));
        List<?> orders = (List<?>) api("GET", "/v1/customers/" + customer + "/orders", token, null).json().get("items");
        assertThat(orders).hasSize(1);

        // Get the key: the software card's form, then the dialog's Get Key; Escape closes the dialog.
        open("/ui/customers/" + customer);
        enter(tabTo("[data-action=get-keys]"));
        dialog();
        assertAccessible("keys and downloads dialog [" + language + "]");
        enter(tabTo("[data-action=get-key]"));
        wait.until(d -> dialog().getText().matches("(?s).*" + KEY_PATTERN + ".*"));
        assertAccessible("the key shown [" + language + "]");
        escape();
        wait.until(d -> d.findElements(By.cssSelector("#dialog-host dialog[open]")).isEmpty());

        // Cancel: the card's Cancel, the acknowledgement with Space, Submit with Enter.
        enter(tabTo("[data-action=cancel]"));
        dialog();
        assertAccessible("cancel dialog [" + language + "]");
        tabTo("[data-field=acknowledged]").sendKeys(Keys.SPACE);
        assertThat(browser.findElement(By.cssSelector("[data-field=acknowledged]")).isSelected()).isTrue();
        enter(tabTo("[data-action=submit-cancel]"));
        wait.until(d -> present("[data-confirmation]"));
        assertAccessible("cancellation confirmed [" + language + "]");
        escape();
        @SuppressWarnings("unchecked")
        Map<String, Object> order = (Map<String, Object>) orders.get(0);
        Map<String, Object> after = api("GET", "/v1/customers/" + customer + "/orders/" + order.get("id"), token, null).json();
        assertThat(after.get("status")).isEqualTo("cancelled");
        signOut();
    }

    /**
     * Presses Tab until the focused element is the one {@code css} names, and checks the focus ring shows on it —
     * what a keyboard user does and sees. Fails when the control is not reachable with Tab.
     */
    private WebElement tabTo(String css) {
        for (int i = 0; i < MOST_TABS; i++) {
            if (Boolean.TRUE.equals(script("return document.activeElement != null && document.activeElement.matches(arguments[0]);", css))) {
                WebElement focused = browser.switchTo().activeElement();
                // A field the page focuses on load (autofocus, the sign-in's user name) shows its caret; Chrome
                // draws the ring on such a field only when the last input was a key press on this page.
                boolean focusedByThePage = i == 0 && focused.getAttribute("autofocus") != null;
                if (!focusedByThePage) {
                    assertThat(script("var s = getComputedStyle(document.activeElement);"
                            + " return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;"))
                            .as("the focus ring shows on %s (%s)", css, path()).isEqualTo(true);
                }
                return focused;
            }
            new Actions(browser).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reached " + css + " on " + path());
    }

    private void enter(WebElement focused) {
        new Actions(browser).sendKeys(Keys.ENTER).perform();
    }

    private void escape() {
        new Actions(browser).sendKeys(Keys.ESCAPE).perform();
    }
}
