package com.cspdesk.adapters.web.i18n;

import io.micronaut.context.MessageSource;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Optional;

/** The texts of the product in its six languages ({@code i18n/messages*.properties}). */
@Singleton
public class Messages {

    private final MessageSource source = new ResourceBundleMessageSource("i18n.messages", Locale.ENGLISH);

    /** The text for the key; the English one when a language lacks it, the key itself if none has it. */
    public String get(String key, Locale locale, Object... arguments) {
        String pattern = raw(key, locale).or(() -> raw(key, Locale.ENGLISH)).orElse(key);
        // Always MessageFormat, so every text follows the same quoting rule.
        return new MessageFormat(pattern, locale).format(arguments);
    }

    private Optional<String> raw(String key, Locale locale) {
        // The raw text: Micronaut's own interpolation would eat the {0} placeholders.
        return source.getRawMessage(key, MessageSource.MessageContext.of(locale));
    }
}
