package com.cspdesk.adapters.web.ui.home;

import io.swagger.v3.oas.annotations.Hidden;
import com.cspdesk.adapters.web.ui.shared.LocalPaths;
import com.cspdesk.adapters.web.ui.shared.UiLocale;
import com.cspdesk.adapters.web.ui.shared.UiPages;
import com.cspdesk.adapters.web.ui.shared.UiUrls;
import com.cspdesk.adapters.web.ui.shared.Viewer;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The way in: {@code /} and {@code /ui} lead to the page the signed-in role starts on (or to the
 * sign-in page), and {@code /ui/language/{tag}} is the language switcher, which remembers the
 * choice in the {@value UiLocale#COOKIE} cookie for a year.
 */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
class HomeController {

    static final String PATH = UiUrls.HOME;

    private final UiPages pages;

    HomeController(UiPages pages) {
        this.pages = pages;
    }

    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> root(HttpRequest<?> request) {
        return UiPages.redirect(request, PATH);
    }

    @Get(PATH)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> home(HttpRequest<?> request) {
        Optional<Viewer> viewer = UiPages.viewer(request);
        if (viewer.isEmpty()) {
            return UiPages.redirect(request, UiUrls.SIGN_IN);
        }
        return startPage(viewer.get()).<HttpResponse<?>>map(start -> UiPages.redirect(request, start))
                .orElseGet(() -> pages.page(request, "home", Map.of("titleKey", "home.title")));
    }

    static Optional<String> startPage(Viewer viewer) {
        if (viewer.isCustomer()) {
            return Optional.of(UiUrls.BILLING_SOFTWARE);
        }
        if (viewer.canSeeCustomers()) {
            return Optional.of(UiUrls.CUSTOMERS);
        }
        if (viewer.canSeeActivity()) {
            return Optional.of(UiUrls.ACTIVITY);
        }
        if (viewer.canSeeInvoices()) {
            return Optional.of(UiUrls.INVOICES);
        }
        return Optional.empty();
    }

    @Get(PATH + "/language/{tag}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> language(HttpRequest<?> request, @PathVariable String tag, @Nullable @QueryValue String next) {
        String back = LocalPaths.orElse(next, PATH);
        Optional<Locale> chosen = UiLocale.supported(tag);
        if (chosen.isEmpty()) {
            return UiPages.redirect(request, back);
        }
        Cookie cookie = Cookie.of(UiLocale.COOKIE, chosen.get().getLanguage()).path("/").sameSite(SameSite.Lax)
                .secure(request.isSecure()).maxAge(Duration.ofDays(365));
        return UiPages.redirect(request, back).cookie(cookie);
    }
}
