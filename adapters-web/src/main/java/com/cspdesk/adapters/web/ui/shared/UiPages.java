package com.cspdesk.adapters.web.ui.shared;

import com.cspdesk.adapters.web.security.Refusals;
import com.cspdesk.application.shared.port.in.Lookup;
import java.util.function.Function;
import com.cspdesk.adapters.web.i18n.SupportedLanguages;
import com.cspdesk.adapters.web.security.Actors;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;
import jakarta.inject.Singleton;
import org.thymeleaf.TemplateEngine;
import io.micronaut.views.thymeleaf.WebContext;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Renders the dashboard's templates ({@code views/*.html}) with micronaut-views' Thymeleaf engine,
 * in the reader's language ({@link UiLocale}), with what every page needs: the viewer and what it
 * may do, the CSRF token, the language switcher, formats, and the confirmation of the last action.
 * Pages are never cached (they can show product keys) and may not be framed.
 */
@Singleton
public class UiPages {

    /** Rows per page in the dashboard's lists. */
    public static final int PAGE_SIZE = 20;

    /** A page of the customers section: its title and the highlighted menu entry. */
    public static java.util.Map<String, Object> section(String titleKey) {
        java.util.Map<String, Object> model = new java.util.HashMap<>();
        model.put("section", "customers");
        model.put("titleKey", titleKey);
        return model;
    }

    public static final MediaType HTML = MediaType.of("text/html;charset=UTF-8");
    private static final String HX_REQUEST = "HX-Request";

    private final TemplateEngine engine;
    private final UiTexts texts;
    private final UiCsrf csrf;

    public UiPages(TemplateEngine engine, UiTexts texts, UiCsrf csrf) {
        this.engine = engine;
        this.texts = texts;
        this.csrf = csrf;
    }

    public MutableHttpResponse<String> page(HttpRequest<?> request, String template, Map<String, Object> model) {
        return render(request, HttpStatus.OK, template, model);
    }

    /** The whole page, or for an htmx request only its {@code th:fragment="dialog"} (or the named fragment). */
    public MutableHttpResponse<String> dialog(HttpRequest<?> request, HttpStatus status, String template, Map<String, Object> model) {
        if (isHtmx(request)) {
            return respond(status, renderToString(request, template, model, Set.of("dialog")));
        }
        Map<String, Object> wrapped = new HashMap<>(model);
        wrapped.put("dialogTemplate", template);
        return render(request, status, "dialog-page", wrapped);
    }

    public MutableHttpResponse<String> fragment(HttpRequest<?> request, HttpStatus status, String template, String fragment,
                                                Map<String, Object> model) {
        return respond(status, renderToString(request, template, model, Set.of(fragment)));
    }

    public MutableHttpResponse<String> render(HttpRequest<?> request, HttpStatus status, String template, Map<String, Object> model) {
        return respond(status, renderToString(request, template, model, null));
    }

    /** A page that says what went wrong, in the reader's language, with the navigation of the signed-in user. */
    public MutableHttpResponse<String> error(HttpRequest<?> request, HttpStatus status, String messageKey, Object... arguments) {
        Map<String, Object> model = new HashMap<>();
        model.put("status", status.getCode());
        model.put("errorKey", messageKey);
        model.put("errorArguments", arguments);
        model.put("titleKey", "error." + status.getCode() + ".title");
        if (isHtmx(request)) {
            return respond(status, renderToString(request, "error", model, Set.of("dialog")));
        }
        return render(request, status, "error", model);
    }

    /**
     * A read use case's {@link Lookup} as a page: what was found, the 404 page saying what is missing
     * ({@code error.<code>}), or the table's 403 ({@link Refusals}).
     */
    public <T> HttpResponse<?> answer(HttpRequest<?> request, Authentication caller, Lookup<T> lookup,
                                      Function<? super T, ? extends HttpResponse<?>> found) {
        if (lookup instanceof Lookup.NotFound<T> missing) {
            return error(request, HttpStatus.NOT_FOUND, "error." + missing.code());
        }
        return foundOrRefused(caller, lookup, found);
    }

    /** The same with the 404 page's own message. */
    public <T> HttpResponse<?> answer(HttpRequest<?> request, Authentication caller, Lookup<T> lookup,
                                      Function<? super T, ? extends HttpResponse<?>> found, String notFoundKey) {
        if (lookup instanceof Lookup.NotFound<T>) {
            return error(request, HttpStatus.NOT_FOUND, notFoundKey);
        }
        return foundOrRefused(caller, lookup, found);
    }

    private static <T> HttpResponse<?> foundOrRefused(Authentication caller, Lookup<T> lookup,
                                                      Function<? super T, ? extends HttpResponse<?>> found) {
        if (lookup instanceof Lookup.Found<T> value) {
            return found.apply(value.value());
        }
        return Refusals.notPermitted(caller);
    }

    public static MutableHttpResponse<String> redirect(HttpRequest<?> request, String location) {
        MutableHttpResponse<String> response = HttpResponse.<String>status(HttpStatus.SEE_OTHER).headers(h -> h.location(URI.create(location)));
        if (isHtmx(request)) {
            response.header("HX-Redirect", location);
        }
        return noStore(response);
    }

    public static boolean isHtmx(HttpRequest<?> request) {
        return "true".equalsIgnoreCase(request.getHeaders().get(HX_REQUEST));
    }

    public String text(HttpRequest<?> request, String key, Object... arguments) {
        return texts.get(key, UiLocale.of(request), arguments);
    }

    public String renderToString(HttpRequest<?> request, String template, Map<String, Object> model, @Nullable Set<String> fragments) {
        Locale locale = UiLocale.of(request);
        Map<String, Object> variables = new HashMap<>(model);
        variables.putIfAbsent("titleKey", "app.name");
        variables.put("lang", locale.getLanguage());
        variables.put("fmt", new Formats(locale));
        variables.putIfAbsent("texts", new CatalogTexts(locale));
        variables.put("csrf", csrf.tokenFor(request));
        variables.put("csrfField", UiCsrf.FIELD);
        variables.put("csrfHeader", UiCsrf.HEADER);
        variables.put("path", pathAndQuery(request));
        variables.put("languages", languages());
        variables.put("htmx", isHtmx(request));
        viewer(request).ifPresent(viewer -> variables.put("me", viewer));
        request.getParameters().getFirst("done")
                .filter(done -> done.matches("[a-z_]{1,40}"))
                .flatMap(done -> texts.find("flash." + done, locale))
                .ifPresent(flash -> variables.put("flash", flash));
        return engine.process(template, fragments, new WebContext(request, locale, variables));
    }

    public static Optional<Viewer> viewer(HttpRequest<?> request) {
        Optional<Authentication> authentication = request.getUserPrincipal(Authentication.class);
        try {
            return authentication.map(Actors::of).map(Viewer::of);
        } catch (AuthorizationException noTenant) {
            return Optional.empty();
        }
    }

    private static MutableHttpResponse<String> respond(HttpStatus status, String html) {
        return noStore(HttpResponse.<String>status(status).body(html).contentType(HTML));
    }

    public static <T> MutableHttpResponse<T> noStore(MutableHttpResponse<T> response) {
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "same-origin");
    }

    private static String pathAndQuery(HttpRequest<?> request) {
        String query = request.getUri().getRawQuery();
        return request.getPath() + (query == null || query.isBlank() ? "" : "?" + query);
    }

    /** Each language in its own name, for the switcher. */
    public static List<LanguageChoice> languages() {
        return SupportedLanguages.ALL.stream().map(locale -> new LanguageChoice(locale.getLanguage(),
                capitalised(locale.getDisplayLanguage(locale), locale))).toList();
    }

    private static String capitalised(String text, Locale locale) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(locale) + text.substring(1);
    }

    public record LanguageChoice(String tag, String name) {
    }
}
