package com.cspdesk.bootstrap.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.List;

/** Settings › Users in Polish: the same walk as {@link UsersBrowserTest}, every text and refusal in Polish. */
@MicronautTest(transactional = false)
class PolishUsersBrowserTest extends UsersBrowserTest {

    @Override
    String browserLanguage() {
        return "pl";
    }

    @Override
    List<String> knownTexts() {
        return List.of("Użytkownicy", "Dodaj użytkownika", "Administrator globalny", "Identyfikator dzierżawy klienta");
    }
}
