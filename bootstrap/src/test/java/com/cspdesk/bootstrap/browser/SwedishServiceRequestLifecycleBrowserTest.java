package com.cspdesk.bootstrap.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.List;

/** A refund request's status, notes and resolution in Swedish: {@link ServiceRequestLifecycleBrowserTest}'s walk. */
@MicronautTest(transactional = false)
class SwedishServiceRequestLifecycleBrowserTest extends ServiceRequestLifecycleBrowserTest {

    @Override
    String browserLanguage() {
        return "sv";
    }

    @Override
    List<String> knownTexts() {
        return List.of("Supportbegäranden", "Anteckningar", "Lägg till anteckning");
    }

    @Override
    String tenWritten() {
        return "10,00";
    }
}
