package com.cspdesk.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.adapters.web.ui.shared.SessionCookie;
import com.cspdesk.adapters.web.ui.shared.UiCsrf;
import com.cspdesk.adapters.web.ui.shared.UiUrls;
import com.cspdesk.bootstrap.startup.DemoUsers;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.identity.Role;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The core's {@link Permission} table walked against every route of the product, the JSON API and
 * the dashboard alike: each route names its business action (or says it is open to anyone, or to
 * any signed-in caller), and for each route with a permission, the caller without a sign-in, each of
 * the seven roles that the table leaves out, and each that it grants, get what the table says. One
 * context, one database, one request per route and caller.
 */
@MicronautTest(transactional = false)
class PermissionTableEndToEndTest extends EndToEnd {

    private static final Set<String> OPEN = Set.of(SecurityRule.IS_ANONYMOUS, SecurityRule.IS_AUTHENTICATED);
    /** A dashboard session's CSRF seed: any 40 to 64 URL-safe characters. */
    private static final String SEED = "permission-table-walk-seed-0123456789abcdefgh";

    @Inject
    Router router;

    private final Map<Role, String> tokens = new EnumMap<>(Role.class);

    @BeforeAll
    void signInEveryRole() {
        for (DemoUsers.DemoUser user : DemoUsers.USERS) {
            tokens.put(user.role(), loginDemo(user.username()));
        }
        assertThat(tokens.keySet()).as("a demo user for every role").containsExactlyInAnyOrder(Role.values());
    }

    /** The product's own routes (not the framework's: /login, /health …), HEAD twins included. */
    private List<UriRouteInfo<?, ?>> productRoutes() {
        List<UriRouteInfo<?, ?>> routes = router.uriRoutes()
                .filter(route -> route.getDeclaringType().getName().startsWith("com.cspdesk."))
                .toList();
        assertThat(routes).as("routes of the product").hasSizeGreaterThan(40);
        return routes;
    }

    @Test
    void everyRouteDeclaresExactlyOneRule() {
        SoftAssertions softly = new SoftAssertions();
        for (UriRouteInfo<?, ?> route : productRoutes()) {
            AnnotationMetadata metadata = route.getAnnotationMetadata();
            boolean permission = metadata.hasAnnotation(RequiresPermission.class);
            String[] secured = metadata.stringValues(Secured.class);
            boolean open = secured.length == 1 && OPEN.contains(secured[0]);
            softly.assertThat(permission ^ open).as("%s: @RequiresPermission=%s, @Secured=%s", describe(route), permission,
                    List.of(secured)).isTrue();
            softly.assertThat(secured.length == 0 || open).as("%s: @Secured(%s)", describe(route), List.of(secured)).isTrue();
        }
        softly.assertAll();
    }

    @Test
    void everyRouteWithAPermissionAnswersAsTheTableSays() {
        SoftAssertions softly = new SoftAssertions();
        int routes = 0;
        for (UriRouteInfo<?, ?> route : productRoutes()) {
            Optional<Permission> permission = route.getAnnotationMetadata().enumValue(RequiresPermission.class, Permission.class);
            if (permission.isEmpty()) {
                continue;
            }
            routes++;
            String path = route.getUriMatchTemplate().expand(placeholders(route));
            boolean dashboard = path.equals(UiUrls.HOME) || path.startsWith(UiUrls.HOME + "/");

            Answer anonymous = call(route, path, dashboard, null);
            if (dashboard) {
                softly.assertThat(anonymous.status()).as("anonymous %s", describe(route)).isBetween(300, 399);
                softly.assertThat(anonymous.header("Location")).as("anonymous %s", describe(route)).startsWith(UiUrls.SIGN_IN);
            } else {
                softly.assertThat(anonymous.status()).as("anonymous %s", describe(route)).isEqualTo(401);
            }
            for (Role role : Role.values()) {
                Answer answer = call(route, path, dashboard, tokens.get(role));
                if (permission.get().roles().contains(role)) {
                    softly.assertThat(answer.status()).as("%s may %s: %s → %s", role, permission.get(), describe(route), answer)
                            .isNotIn(401, 403);
                } else {
                    softly.assertThat(answer.status()).as("%s may not %s: %s → %s", role, permission.get(), describe(route),
                            answer).isEqualTo(403);
                }
            }
        }
        softly.assertThat(routes).as("routes with a permission").isGreaterThan(30);
        softly.assertAll();
    }

    /**
     * The table lets a customer's admin onto the partner's customer pages (VIEW_CUSTOMERS, VIEW_ORDERS,
     * VIEW_SOFTWARE): there it finds its own company only, and another tenant's pages, by tenant id or
     * domain, are "not found" (404), never "forbidden".
     */
    @Test
    void aCustomersAdminSeesOnlyItsOwnCompanyOnThePartnersCustomerPages() {
        String session = tokens.get(Role.CUSTOMER_GLOBAL_ADMIN);
        String[] asCustomer = {"Accept", MediaType.TEXT_HTML, "Cookie", SessionCookie.NAME + "=" + session};

        Answer list = send("GET", UiUrls.CUSTOMERS, null, null, asCustomer);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("Contoso GmbH").doesNotContain("Fabrikam", "Northwind", "Wingtip", "Kalaallit");
        Answer search = send("GET", UiUrls.CUSTOMERS + "?q=fabrikam", null, null, asCustomer);
        assertThat(search.body()).doesNotContain("Fabrikam Kft.");

        String own = UiUrls.CUSTOMERS + "/" + DemoUsers.DEMO_CUSTOMER_TENANT;
        assertThat(send("GET", own, null, null, asCustomer).status()).isEqualTo(200);
        assertThat(send("GET", UiUrls.CUSTOMERS + "/contoso.demo/orders", null, null, asCustomer).status()).isEqualTo(200);
        for (String other : List.of(FABRIKAM, FABRIKAM.toUpperCase(), "fabrikam.demo")) {
            for (String page : List.of("", "/orders", "/orders/placeholder")) {
                Answer foreign = send("GET", UiUrls.CUSTOMERS + "/" + other + page, null, null, asCustomer);
                assertThat(foreign.status()).as(other + page).isEqualTo(404);
                assertThat(foreign.body()).as(other + page).doesNotContain("Fabrikam Kft.");
            }
        }
        Answer apiList = send("GET", "/v1/customers", session, null);
        assertThat(apiList.json()).containsEntry("totalCount", 1);
        assertThat(send("GET", "/v1/customers/fabrikam.demo", session, null).status()).isEqualTo(404);
    }

    private static final String FABRIKAM = "7a2e4c61-3f0b-4d8e-9a15-6b4c2d1e0f93";

    /** The path's variables: the demo customer (the customer admin's own tenant) or a placeholder. */
    private static Map<String, Object> placeholders(UriRouteInfo<?, ?> route) {
        Map<String, Object> values = new HashMap<>();
        for (String name : route.getUriMatchTemplate().getVariableNames()) {
            values.put(name, name.startsWith("customer") ? DemoUsers.DEMO_CUSTOMER_TENANT : "placeholder-" + name);
        }
        return values;
    }

    /**
     * One request as the route's callers send it: a bearer token on the API; on the dashboard the
     * session cookie, the CSRF seed cookie and the token made from both (so only the table decides),
     * and a body of a type the route takes.
     */
    private Answer call(UriRouteInfo<?, ?> route, String path, boolean dashboard, String token) {
        HttpMethod method = route.getHttpMethod();
        // What a client of the route asks for: a page, JSON, or the one type a route answers in (/prometheus: text).
        List<MediaType> produces = route.getProduces();
        String accept = dashboard ? MediaType.TEXT_HTML
                : produces.isEmpty() || produces.stream().anyMatch(type -> type.matches(MediaType.APPLICATION_JSON_TYPE))
                ? MediaType.APPLICATION_JSON : produces.get(0).getName();
        List<String> headers = new ArrayList<>(List.of("Accept", accept));
        if (token != null && dashboard) {
            headers.addAll(List.of("Cookie", SessionCookie.NAME + "=" + token + "; " + UiCsrf.SEED_COOKIE + "=" + SEED,
                    UiCsrf.HEADER, UiCsrf.token(SEED, token)));
        }
        String bearer = dashboard ? null : token;
        if (!route.isPermitsRequestBody()) {
            return send(method.name(), path, bearer, null, headers.toArray(String[]::new));
        }
        List<MediaType> consumes = route.getConsumes();
        String body;
        if (consumes.stream().anyMatch(type -> type.getName().equals(MediaType.MULTIPART_FORM_DATA))) {
            headers.addAll(List.of("Content-Type", MediaType.MULTIPART_FORM_DATA + "; boundary=walk"));
            body = "--walk\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n\r\n--walk--\r\n";
        } else if (dashboard) {
            headers.addAll(List.of("Content-Type", MediaType.APPLICATION_FORM_URLENCODED));
            body = "";
        } else {
            headers.addAll(List.of("Content-Type", MediaType.APPLICATION_JSON));
            body = "{}";
        }
        return send(method.name(), path, bearer, body, headers.toArray(String[]::new));
    }

    private static String describe(UriRouteInfo<?, ?> route) {
        return route.getHttpMethod() + " " + route.getUriMatchTemplate() + " (" + route.getDeclaringType().getSimpleName()
                + "." + route.getTargetMethod().getMethodName() + ")";
    }
}
