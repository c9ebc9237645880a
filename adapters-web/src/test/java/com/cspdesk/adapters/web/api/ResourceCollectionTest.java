package com.cspdesk.adapters.web.api;

import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** #14: the next link as Partner Center writes it, so its SDK (which prefixes /v1/) can follow it. */
class ResourceCollectionTest {

    @Test
    void theNextLinkIsRelativeToTheApiRootAndCarriesItsTokenAsAHeader() {
        ResourceCollection<String> page = ResourceCollection.of(5, List.of("a", "b"),
                "/v1/customers?size=2&continuationToken=Y3VzdG9tZXJzOmFiYw%3D%3D&q=page");

        ResourceCollection.Link next = page.links().get("next");
        assertThat(next.uri()).isEqualTo("customers?size=2&continuationToken=Y3VzdG9tZXJzOmFiYw%3D%3D&q=page");
        assertThat(next.method()).isEqualTo("GET");
        assertThat(next.headers()).containsExactly(new ResourceCollection.Header("MS-ContinuationToken", "Y3VzdG9tZXJzOmFiYw=="));
    }

    @Test
    void aListRequestTakesItsTokenFromTheQueryOrElseFromTheHeaderPartnerCentersSdkSends() {
        HttpRequest<?> headerOnly = HttpRequest.GET("/v1/customers?size=2").header("MS-ContinuationToken", "dG9rZW4=");
        assertThat(ResourceCollection.requestedToken(headerOnly, null)).contains("dG9rZW4=");
        assertThat(ResourceCollection.requestedToken(headerOnly, "cXVlcnk=")).contains("cXVlcnk=");
        assertThat(ResourceCollection.requestedToken(HttpRequest.GET("/v1/customers"), null)).isEmpty();
        assertThat(ResourceCollection.requestedToken(HttpRequest.GET("/v1/customers").header("MS-ContinuationToken", ""), null))
                .isEmpty();
    }

    @Test
    void theLastPageHasNoNextLinkAndOtherLinksNoHeaders() {
        assertThat(ResourceCollection.of(2, List.of("a", "b"), null).links()).isEmpty();
        assertThat(new ResourceCollection.Link("/v1/customers/x", "GET").headers()).isNull();
    }
}
