package com.cspdesk.bootstrap.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.List;

/** Settings › Applications in German: {@link ApplicationsBrowserTest}'s walk. */
@MicronautTest(transactional = false)
class GermanApplicationsBrowserTest extends ApplicationsBrowserTest {

    @Override
    String browserLanguage() {
        return "de";
    }

    @Override
    List<String> knownTexts() {
        return List.of("Anwendungen", "Noch keine Anwendungen", "Registrieren");
    }
}
