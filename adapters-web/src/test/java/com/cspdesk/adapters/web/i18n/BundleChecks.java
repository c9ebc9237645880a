package com.cspdesk.adapters.web.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks every text bundle of the product passes, whether the API's problem messages
 * ({@code i18n/messages*}) or the dashboard's texts ({@code i18n/ui*}): the six languages have
 * exactly the English keys, and every pattern is a valid MessageFormat with the English placeholders.
 */
public final class BundleChecks {

    private BundleChecks() {
    }

    /** {@code baseName} e.g. {@code "messages"}: the English bundle has at least {@code atLeast} keys, every other the same. */
    public static void sameKeysInEveryLanguage(String baseName, int atLeast) {
        Set<String> english = load(baseName, Locale.ENGLISH).stringPropertyNames();
        assertThat(english).hasSizeGreaterThanOrEqualTo(atLeast);
        for (Locale locale : SupportedLanguages.ALL) {
            if (locale.equals(Locale.ENGLISH)) {
                continue;
            }
            Set<String> keys = load(baseName, locale).stringPropertyNames();
            Set<String> missing = new TreeSet<>(english);
            missing.removeAll(keys);
            Set<String> extra = new TreeSet<>(keys);
            extra.removeAll(english);
            assertThat(missing).as("keys missing in %s_%s", baseName, locale).isEmpty();
            assertThat(extra).as("keys only in %s_%s", baseName, locale).isEmpty();
        }
    }

    /** Every pattern formats, has no apostrophe (MessageFormat would eat it) and the English one's {0}…{2}. */
    public static void patternsFormatAndKeepPlaceholders(String baseName) {
        Properties english = load(baseName, Locale.ENGLISH);
        for (Locale locale : SupportedLanguages.ALL) {
            Properties bundle = load(baseName, locale);
            for (String key : bundle.stringPropertyNames()) {
                String pattern = bundle.getProperty(key);
                assertThat(pattern).as("%s in %s", key, locale).isNotBlank().doesNotContain("'");
                // A count ({0,choice,…} for plural forms, {0,number,…}) is formatted with a number, the rest with text.
                Object[] arguments = {"A1", "B2", "C3"};
                for (int i = 0; i < arguments.length; i++) {
                    if (pattern.contains("{" + i + ",choice,") || pattern.contains("{" + i + ",number")) {
                        arguments[i] = 2 + i;
                    }
                }
                String formatted = new MessageFormat(pattern, locale).format(arguments);
                for (String placeholder : new String[]{"{0}", "{1}", "{2}"}) {
                    boolean inEnglish = english.getProperty(key).contains(placeholder);
                    assertThat(pattern.contains(placeholder)).as("%s %s in %s", key, placeholder, locale).isEqualTo(inEnglish);
                }
                assertThat(formatted).as("%s in %s", key, locale).doesNotContain("{0}").doesNotContain("{1}");
            }
        }
    }

    /** The bundle as the resource files hold it (UTF-8); English is the one without a suffix. */
    public static Properties load(String baseName, Locale locale) {
        String suffix = locale.equals(Locale.ENGLISH) ? "" : "_" + locale.getLanguage();
        Properties properties = new Properties();
        try (InputStream in = BundleChecks.class.getResourceAsStream("/i18n/" + baseName + suffix + ".properties")) {
            assertThat(in).as("bundle %s%s", baseName, suffix).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
