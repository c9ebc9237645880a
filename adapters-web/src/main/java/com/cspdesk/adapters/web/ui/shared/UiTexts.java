package com.cspdesk.adapters.web.ui.shared;

import com.cspdesk.adapters.web.i18n.Messages;
import jakarta.inject.Singleton;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The dashboard's texts ({@code i18n/ui*.properties}, English the base bundle). Bundles are read
 * without the JVM's default-locale fallback, so a missing Hungarian text falls back to English and
 * never to whatever language the server happens to run in. Problem and field texts
 * ({@code problem.*}, {@code field.*}) come from the JSON API's bundles, so a refusal reads the same
 * on the screen as in problem+json.
 */
@Singleton
public class UiTexts {

    public static final String BUNDLE = "i18n.ui";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Messages messages;
    private final ConcurrentMap<Locale, ResourceBundle> bundles = new ConcurrentHashMap<>();

    public UiTexts(Messages messages) {
        this.messages = messages;
    }

    /** The formatted text; the key itself (visibly wrong) when no bundle has it. */
    public String get(String key, Locale locale, Object... arguments) {
        return find(key, locale, arguments).orElse(key);
    }

    public Optional<String> find(String key, Locale locale, Object... arguments) {
        if (key.startsWith("problem.") || key.startsWith("field.")) {
            String text = messages.get(key, locale, arguments);
            return text.equals(key) ? Optional.empty() : Optional.of(text);
        }
        return raw(key, locale).map(pattern -> new MessageFormat(pattern, locale).format(arguments));
    }

    private Optional<String> raw(String key, Locale locale) {
        ResourceBundle bundle = bundles.computeIfAbsent(Locale.forLanguageTag(locale.getLanguage()), UiTexts::load);
        return bundle.containsKey(key) ? Optional.of(bundle.getString(key)) : Optional.empty();
    }

    private static ResourceBundle load(Locale locale) {
        try {
            return ResourceBundle.getBundle(BUNDLE, locale, UiTexts.class.getClassLoader(), NO_FALLBACK);
        } catch (MissingResourceException missing) {
            return ResourceBundle.getBundle(BUNDLE, Locale.ROOT, UiTexts.class.getClassLoader(), NO_FALLBACK);
        }
    }
}
