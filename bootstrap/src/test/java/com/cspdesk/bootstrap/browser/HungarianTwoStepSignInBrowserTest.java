package com.cspdesk.bootstrap.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.List;

/** Enrolling an authenticator app and signing in with a code, in Hungarian: {@link TwoStepSignInBrowserTest}'s walk. */
@MicronautTest(transactional = false)
class HungarianTwoStepSignInBrowserTest extends TwoStepSignInBrowserTest {

    @Override
    String browserLanguage() {
        return "hu";
    }

    @Override
    List<String> knownTexts() {
        return List.of("Kétlépéses bejelentkezés", "Hitelesítő alkalmazás beállítása");
    }
}
