package com.cspdesk.bootstrap.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.List;

/** Unbilled items and a credit note in Hungarian: {@link BillingBrowserTest}'s walk, forints written the Hungarian way. */
@MicronautTest(transactional = false)
class HungarianBillingBrowserTest extends BillingBrowserTest {

    @Override
    String browserLanguage() {
        return "hu";
    }

    @Override
    List<String> knownTexts() {
        return List.of("Számlázatlan tételek és egyeztetés", "Terhelés", "Egyeztetés");
    }

    @Override
    String creditableCurrency() {
        return "Ft";
    }

    @Override
    String tenInTheReadersWay() {
        return "10,00";
    }
}
