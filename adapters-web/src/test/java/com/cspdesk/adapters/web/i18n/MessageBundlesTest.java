package com.cspdesk.adapters.web.i18n;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Every text exists in all six languages, and every pattern is a valid MessageFormat. */
class MessageBundlesTest {

    @Test
    void everyBundleHasExactlyTheKeysOfTheEnglishOne() {
        BundleChecks.sameKeysInEveryLanguage("messages", 1);
    }

    @Test
    void everyPatternFormatsAndKeepsItsPlaceholders() {
        BundleChecks.patternsFormatAndKeepPlaceholders("messages");
    }

    @Test
    void theCallersLanguageIsChosenFromTheHeaders() {
        assertThat(SupportedLanguages.ALL).extracting(Locale::getLanguage).containsExactly("en", "de", "hu", "pl", "sv", "tr");
    }
}
