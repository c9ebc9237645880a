package com.cspdesk.bootstrap.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.List;

/** The customer's Subscriptions tab and the renewal's cancellation in German: {@link SubscriptionsBrowserTest}'s walk. */
@MicronautTest(transactional = false)
class GermanSubscriptionsBrowserTest extends SubscriptionsBrowserTest {

    @Override
    String browserLanguage() {
        return "de";
    }

    @Override
    List<String> knownTexts() {
        return List.of("Laufzeitende", "Automatische Verlängerung", "Noch nicht verlängert");
    }
}
