package com.cspdesk.bootstrap.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.List;

/** The views across customers (subscriptions, renewals due with CSV, orders, licence inventory) in Turkish. */
@MicronautTest(transactional = false)
class TurkishAllSubscriptionsBrowserTest extends AllSubscriptionsBrowserTest {

    @Override
    String browserLanguage() {
        return "tr";
    }

    @Override
    List<String> knownTexts() {
        return List.of("Tüm müşteriler", "Dönem sonu", "CSV indir");
    }
}
