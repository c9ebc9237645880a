package com.cspdesk.bootstrap.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.List;

/** Settings › Webhooks and the delivery log in Turkish: {@link WebhookSettingsBrowserTest}'s walk with a real receiver. */
@MicronautTest(transactional = false)
class TurkishWebhookSettingsBrowserTest extends WebhookSettingsBrowserTest {

    @Override
    String browserLanguage() {
        return "tr";
    }

    @Override
    List<String> knownTexts() {
        return List.of("Webhook’lar", "Henüz kayıtlı webhook yok", "Olaylar");
    }
}
