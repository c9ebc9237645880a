package com.cspdesk.adapters.web.i18n;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Every text exists in all six languages, and every pattern is a valid MessageFormat. */
class MessageBundlesTest {

    @Test
    void everyBundleHasExactlyTheKeysOfTheEnglishOne() throws IOException {
        Set<String> english = load("").stringPropertyNames();
        assertThat(english).isNotEmpty();
        for (Locale locale : SupportedLanguages.ALL) {
            if (locale.equals(Locale.ENGLISH)) {
                continue;
            }
            Set<String> keys = load("_" + locale.getLanguage()).stringPropertyNames();
            Set<String> missing = new TreeSet<>(english);
            missing.removeAll(keys);
            Set<String> extra = new TreeSet<>(keys);
            extra.removeAll(english);
            assertThat(missing).as("keys missing in messages_%s", locale).isEmpty();
            assertThat(extra).as("keys only in messages_%s", locale).isEmpty();
        }
    }

    @Test
    void everyPatternFormatsAndKeepsItsPlaceholders() throws IOException {
        Properties english = load("");
        for (Locale locale : SupportedLanguages.ALL) {
            Properties bundle = locale.equals(Locale.ENGLISH) ? english : load("_" + locale.getLanguage());
            for (String key : bundle.stringPropertyNames()) {
                String pattern = bundle.getProperty(key);
                assertThat(pattern).as("%s in %s", key, locale).isNotBlank().doesNotContain("'");
                String formatted = new MessageFormat(pattern, locale).format(new Object[]{"A1", "B2"});
                for (String placeholder : new String[]{"{0}", "{1}"}) {
                    boolean inEnglish = english.getProperty(key).contains(placeholder);
                    assertThat(pattern.contains(placeholder)).as("%s %s in %s", key, placeholder, locale).isEqualTo(inEnglish);
                }
                assertThat(formatted).doesNotContain("{0}");
            }
        }
    }

    @Test
    void theCallersLanguageIsChosenFromTheHeaders() {
        assertThat(SupportedLanguages.ALL).extracting(Locale::getLanguage).containsExactly("en", "de", "hu", "pl", "sv", "tr");
    }

    private static Properties load(String suffix) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/i18n/messages" + suffix + ".properties")) {
            assertThat(in).as("bundle messages%s", suffix).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
