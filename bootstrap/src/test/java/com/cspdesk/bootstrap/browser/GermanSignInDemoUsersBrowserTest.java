package com.cspdesk.bootstrap.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** {@link SignInDemoUsersBrowserTest} with a German browser: the roles as German readers know them. */
@MicronautTest(transactional = false)
class GermanSignInDemoUsersBrowserTest extends SignInDemoUsersBrowserTest {

    @Override
    String browserLanguage() {
        return "de";
    }

    @Override
    String supportStaff() {
        return "Support-Mitarbeiter";
    }
}
