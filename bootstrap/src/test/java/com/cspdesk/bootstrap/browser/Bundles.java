package com.cspdesk.bootstrap.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's texts as the bundles hold them ({@code i18n/ui*.properties}, and {@code i18n/messages*}
 * for {@code problem.*} and {@code field.*} as the dashboard reads them), so a test in any language can say
 * which text a page must show. A test in another language than English also checks that the text is
 * not the English one: a key the translation lacks would fall back to English and pass unseen otherwise.
 */
final class Bundles {

    private static final Map<String, Properties> LOADED = new ConcurrentHashMap<>();

    private Bundles() {
    }

    /** The text of the key in the language, formatted as the dashboard formats it; fails when the bundle lacks it. */
    static String text(String language, String key, Object... arguments) {
        String bundle = key.startsWith("problem.") || key.startsWith("field.") ? "messages" : "ui";
        String pattern = load(bundle, language).getProperty(key);
        assertThat(pattern).as("%s in the %s bundle of %s", key, bundle, language).isNotNull();
        return new MessageFormat(pattern, Locale.forLanguageTag(language)).format(arguments);
    }

    /**
     * The text of the key in the language, checked to be translated: outside English it must differ from
     * the English text (pick keys whose translation truly differs).
     */
    static String translated(String language, String key, Object... arguments) {
        String text = text(language, key, arguments);
        if (!language.equals("en")) {
            assertThat(text).as("%s in %s is translated", key, language).isNotEqualTo(text("en", key, arguments));
        }
        return text;
    }

    /**
     * The literal pieces of a text with arguments (around each {@code {n}}), checked to be translated as
     * {@link #translated} does: what a page must show around the values it fills in.
     */
    static java.util.List<String> pieces(String language, String key, int arguments) {
        Object[] marks = new Object[arguments];
        java.util.Arrays.fill(marks, "\u0000");
        return java.util.Arrays.stream(translated(language, key, marks).split("\u0000"))
                .map(String::strip).filter(piece -> !piece.isEmpty()).toList();
    }

    /**
     * The page's text as its markup holds it ({@code textContent}, whitespace collapsed): what the bundle
     * gave, before CSS changes its case (table headers are upper case on screen).
     */
    static String content(org.openqa.selenium.JavascriptExecutor browser) {
        return String.valueOf(browser.executeScript("return document.body.textContent;")).replaceAll("\\s+", " ");
    }

    /** A page's text holds no Thymeleaf "??key_xx??" and no unresolved "#{…}". */
    static void assertNoRawKeys(String pageText) {
        assertThat(pageText).doesNotContainPattern("\\?\\?[A-Za-z0-9_.]+\\?\\?").doesNotContain("#{");
    }

    private static Properties load(String bundle, String language) {
        return LOADED.computeIfAbsent(bundle + "_" + language, name -> {
            String file = "i18n/" + (language.equals("en") ? bundle : bundle + "_" + language) + ".properties";
            Properties properties = new Properties();
            try (InputStream in = Bundles.class.getClassLoader().getResourceAsStream(file)) {
                assertThat(in).as(file).isNotNull();
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return properties;
        });
    }
}
