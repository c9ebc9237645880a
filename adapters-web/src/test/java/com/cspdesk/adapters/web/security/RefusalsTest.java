package com.cspdesk.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.cspdesk.adapters.web.ui.shared.UiPages;
import com.cspdesk.application.catalog.port.in.CatalogViews;
import com.cspdesk.application.catalog.port.in.ListAvailabilities;
import com.cspdesk.application.catalog.port.in.ListProducts;
import com.cspdesk.application.catalog.port.in.ListSkus;
import com.cspdesk.application.catalog.port.in.TargetView;
import com.cspdesk.application.identity.port.in.AuthenticateUser;
import com.cspdesk.application.identity.port.in.SignedInUser;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.market.Market;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A use case's "not permitted" through a real route the route rule let pass (the table here is the
 * use case's own say): the API answers 403 problem+json {@code forbidden} in the caller's language,
 * the dashboard the 403 page, as when the route rule refuses.
 */
class RefusalsTest {

    private static final String SPEC = "RefusalsTest";
    private static EmbeddedServer server;
    private static String token;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "spec.name", SPEC,
                OpenSessions.PROPERTY, "open",
                "micronaut.server.port", -1,
                "micronaut.security.reject-not-found", false,
                "micronaut.views.folder", "views",
                "cspdesk.security.jwt-secret", "a-test-secret-that-is-at-least-32-bytes-long"));
        token = OpenSessions.token(server.getApplicationContext(), "agent", List.of("ADMIN_AGENT"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theApiAnswers403ProblemJson() throws Exception {
        var answer = client.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/v1/products?country=HU"))
                .header("Authorization", "Bearer " + token).header("Accept-Language", "de").GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"code\":\"forbidden\"", "\"status\":403");
        assertThat(RefusingCatalog.asked).isTrue();
    }

    @Test
    void theDashboardShowsThe403Page() throws Exception {
        var answer = client.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/ui/refusal-probe"))
                .header("Cookie", "JWT=" + token).header("Accept-Language", "en").GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(answer.body()).contains("Your role does not allow this.");
    }

    /** The catalog's ports, saying "not permitted" whoever asks. */
    @Singleton
    @Requires(property = "spec.name", value = SPEC)
    static class RefusingCatalog implements ListProducts, ListSkus, ListAvailabilities {

        static volatile boolean asked;

        @Override
        public Lookup<List<CatalogViews.ProductView>> products(Market country, Optional<TargetView> targetView, Actor actor) {
            asked = true;
            return Lookup.notPermitted(Permission.BROWSE_CATALOG);
        }

        @Override
        public Lookup<List<CatalogViews.SkuView>> skus(String productId, Market country, Actor actor) {
            return Lookup.notPermitted(Permission.BROWSE_CATALOG);
        }

        @Override
        public Lookup<List<CatalogViews.AvailabilityView>> availabilities(String productId, String skuId, Market country,
                                                                         Actor actor) {
            return Lookup.notPermitted(Permission.BROWSE_CATALOG);
        }
    }

    /** Nobody signs in with a password here; the security beans need the port all the same. */
    @Singleton
    @Requires(property = "spec.name", value = SPEC)
    static class NoSignIn implements AuthenticateUser {

        @Override
        public SignInOutcome signIn(Credentials credentials, Optional<String> clientAddress) {
            return new Refused();
        }
    }

    /** A dashboard page whose use case says "not permitted". */
    @Controller("/ui/refusal-probe")
    @Requires(property = "spec.name", value = SPEC)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    static class RefusalProbe {

        private final UiPages pages;

        RefusalProbe(UiPages pages) {
            this.pages = pages;
        }

        @Get
        @Produces("text/html")
        HttpResponse<?> page(io.micronaut.http.HttpRequest<?> request, Authentication caller) {
            return pages.answer(request, caller, Lookup.notPermitted(Permission.BROWSE_CATALOG), found -> HttpResponse.ok());
        }
    }
}
