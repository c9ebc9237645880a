package com.cspdesk.bootstrap.browser;

import com.cspdesk.bootstrap.startup.DemoUsers;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #17 item 6: the sandbox's sign-in page lists every demo user bootstrap creates ({@link DemoUsers#USERS},
 * the one list), each with its role in the reader's language — support staff, referral and marketing admins
 * included — and the page passes axe. English here; {@link GermanSignInDemoUsersBrowserTest} in German.
 */
@MicronautTest(transactional = false)
class SignInDemoUsersBrowserTest extends BrowserTest {

    /** The role of the one user the page used to leave out, as this language writes it. */
    String supportStaff() {
        return "Support staff";
    }

    @Test
    void theSignInPageListsEveryDemoUserWithItsRoleTranslated() {
        open("/ui/login");
        find("form[action='/ui/login']");
        ResourceBundle texts = ResourceBundle.getBundle("i18n/ui", Locale.forLanguageTag(browserLanguage()));

        List<WebElement> listed = all(".demo-users li[data-demo-user]");
        assertThat(listed.stream().map(li -> li.getAttribute("data-demo-user")).toList())
                .containsExactlyElementsOf(DemoUsers.USERS.stream().map(DemoUsers.DemoUser::username).toList());
        for (DemoUsers.DemoUser user : DemoUsers.USERS) {
            WebElement item = find(".demo-users li[data-demo-user='" + user.username() + "']");
            assertThat(item.findElement(By.tagName("code")).getText()).isEqualTo(user.username());
            assertThat(item.findElement(By.tagName("span")).getText())
                    .isEqualTo(texts.getString("role." + user.role().name()));
        }
        assertThat(find(".demo-users li[data-demo-user='support.staff@partner.demo'] span").getText())
                .isEqualTo(supportStaff());
        assertAccessible("sign-in with the demo users (" + browserLanguage() + ")");
    }
}
