package com.cspdesk.adapters.web.ui.shared;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import org.thymeleaf.TemplateEngine;

/** Gives micronaut-views' Thymeleaf engine the dashboard's texts before its first page is rendered. */
@Singleton
class TemplateEngineSetup implements BeanCreatedEventListener<TemplateEngine> {

    private final UiTexts texts;

    TemplateEngineSetup(UiTexts texts) {
        this.texts = texts;
    }

    @Override
    public TemplateEngine onCreated(BeanCreatedEvent<TemplateEngine> event) {
        TemplateEngine engine = event.getBean();
        engine.addMessageResolver(new UiMessageResolver(texts));
        return engine;
    }
}
