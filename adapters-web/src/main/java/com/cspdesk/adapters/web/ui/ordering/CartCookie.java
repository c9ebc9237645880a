package com.cspdesk.adapters.web.ui.ordering;

import com.cspdesk.adapters.web.ui.shared.UiUrls;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;

import java.time.Duration;

/**
 * Issue #17: where a cart lives between pages — a short-lived cookie per customer, sent only to that customer's
 * pages (its path), HttpOnly and SameSite=Strict like the session, {@code Secure} on HTTPS. It holds offer ids,
 * quantities and a reservation's context, nothing the user did not type; whatever comes back is read again against
 * the catalog and quoted before it is shown or placed. Instances stay stateless: no table, no session.
 */
final class CartCookie {

    static final String NAME = "cart";
    /** A cart is for one sitting; an untouched one is gone after a day. */
    static final Duration LIFETIME = Duration.ofDays(1);

    private CartCookie() {
    }

    static String path(String customerTenantId) {
        return UiUrls.CUSTOMERS + "/" + customerTenantId;
    }

    static Cart read(HttpRequest<?> request, String userName) {
        return Cart.decode(request.getCookies().findCookie(NAME).map(Cookie::getValue).orElse(null), userName);
    }

    static Cookie of(Cart cart, String customerTenantId, boolean https) {
        if (cart.isEmpty()) {
            return cleared(customerTenantId, https);
        }
        return Cookie.of(NAME, cart.encode()).path(path(customerTenantId)).httpOnly(true).sameSite(SameSite.Strict)
                .secure(https).maxAge(LIFETIME);
    }

    static Cookie cleared(String customerTenantId, boolean https) {
        return Cookie.of(NAME, "").path(path(customerTenantId)).httpOnly(true).sameSite(SameSite.Strict).secure(https).maxAge(0);
    }
}
