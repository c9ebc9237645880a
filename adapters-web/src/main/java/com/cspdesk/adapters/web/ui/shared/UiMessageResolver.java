package com.cspdesk.adapters.web.ui.shared;

import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.AbstractMessageResolver;

/**
 * Thymeleaf's {@code #{key(arguments)}} from {@link UiTexts}, in the page's language. Placed first,
 * before micronaut-views' resolver of the application-wide message source; an unknown key renders
 * as {@code ??key_hu??}, which the bundle tests keep from happening.
 */
final class UiMessageResolver extends AbstractMessageResolver {

    private final UiTexts texts;

    UiMessageResolver(UiTexts texts) {
        this.texts = texts;
        setName("cspdesk-ui");
        setOrder(0);
    }

    @Override
    public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] messageParameters) {
        return texts.find(key, context.getLocale(), messageParameters == null ? new Object[0] : messageParameters)
                .orElse(null);
    }

    @Override
    public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
                                                    Object[] messageParameters) {
        return "??" + key + "_" + context.getLocale().getLanguage() + "??";
    }
}
