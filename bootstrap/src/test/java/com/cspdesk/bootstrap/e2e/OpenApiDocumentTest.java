package com.cspdesk.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.micronaut.http.uri.UriMatchTemplate;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #14 item 2: the API document micronaut-openapi generates is valid OpenAPI 3.1 (checked against
 * the OpenAPI Initiative's own JSON Schema of 3.1 documents, test resource openapi/oas-3.1-schema.json),
 * describes every route of the JSON API, and is served with its page to anyone. That real answers match
 * it is every end-to-end class's own check ({@link EndToEnd#everyAnswerConformsToTheApiDocument}).
 */
@MicronautTest(transactional = false)
class OpenApiDocumentTest extends EndToEnd {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    @Inject
    Router router;

    private final JsonNode document = ApiConformance.document().tree();

    @Test
    void theDocumentIsValidOpenApi31() throws IOException {
        assertThat(document.path("openapi").asText()).startsWith("3.1.");
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Schema oas31;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("openapi/oas-3.1-schema.json")) {
            oas31 = registry.getSchema(in, InputFormat.JSON);
        }
        List<Error> errors = oas31.validate(document);
        assertThat(errors).as("the document against OpenAPI 3.1's schema").isEmpty();
    }

    /** OAS 3.1's own schema does not look into Schema Objects: each is checked against JSON Schema 2020-12. */
    @Test
    void everySchemaIsJsonSchema202012() {
        Schema metaSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        SoftAssertions softly = new SoftAssertions();
        document.path("components").path("schemas").properties().forEach(schema ->
                softly.assertThat(metaSchema.validate(schema.getValue())).as(schema.getKey()).isEmpty());
        softly.assertAll();
    }

    @Test
    void everyReferenceResolves() {
        List<String> unresolved = new ArrayList<>();
        references(document, unresolved);
        assertThat(unresolved).as("$refs that point nowhere").isEmpty();
    }

    /** Every route of the JSON API (not the dashboard's pages, not this document's own) is in the document. */
    @Test
    void everyRouteOfTheJsonApiIsDocumented() {
        Set<String> routes = new TreeSet<>();
        router.uriRoutes().filter(route -> route.getDeclaringType().getName().startsWith("com.cspdesk."))
                .forEach(route -> {
                    String path = path(route.getUriMatchTemplate());
                    String method = route.getHttpMethodName().toLowerCase(Locale.ROOT);
                    // HEAD twins of GET routes are GET without the body; a HEAD route of its own is documented.
                    boolean headTwin = method.equals("head") && document.path("paths").path(path).has("get");
                    if (ApiConformance.isApi(path) && !path.startsWith("/openapi") && !headTwin) {
                        routes.add(method + " " + path);
                    }
                });
        Set<String> documented = new TreeSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                documented.add(method + " " + path.getKey());
            }
        }));
        assertThat(routes).hasSizeGreaterThan(40);
        assertThat(documented).as("documented operations").containsAll(routes);
        assertThat(documented).as("no dashboard page").noneMatch(operation -> operation.contains(" /ui"));
    }

    /**
     * A summary per operation, and the refusals: every operation names at least one problem answer, but
     * /health's (its own shape for 503) and the token grant's (RFC 6749's error shape).
     */
    @Test
    void everyOperationHasASummaryAndItsProblemAnswers() {
        SoftAssertions softly = new SoftAssertions();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (!METHODS.contains(operation.getKey()) || operation.getKey().equals("head")) {
                return;
            }
            String name = operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
            softly.assertThat(operation.getValue().path("summary").asText()).as("summary of %s", name).isNotBlank();
            List<String> problems = new ArrayList<>();
            operation.getValue().path("responses").properties().forEach(response -> {
                JsonNode resolved = response.getValue().has("$ref")
                        ? document.at(response.getValue().path("$ref").asText().substring(1)) : response.getValue();
                if (resolved.path("content").has("application/problem+json")) {
                    problems.add(response.getKey());
                }
            });
            if (!path.getKey().startsWith("/health") && !path.getKey().equals("/oauth2/token")) {
                softly.assertThat(problems).as("problem answers of %s", name).isNotEmpty();
            }
        }));
        softly.assertAll();
    }

    /** The examples of the main requests are requests the schema takes (and there are some). */
    @Test
    void everyRequestExampleMatchesItsSchema() {
        SoftAssertions softly = new SoftAssertions();
        List<String> examples = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation ->
                operation.getValue().path("requestBody").path("content").properties().forEach(media ->
                        media.getValue().path("examples").properties().forEach(example -> {
                            String name = operation.getKey() + " " + path.getKey() + " " + media.getKey();
                            examples.add(name);
                            String pointer = ApiConformance.pointer("paths", path.getKey(), operation.getKey(), "requestBody",
                                    "content", media.getKey());
                            softly.assertThat(ApiConformance.document().exampleMismatches(pointer, example.getValue().path("value")))
                                    .as("example of %s", name).isEmpty();
                        }))));
        softly.assertAll();
        assertThat(examples).as("request examples").hasSizeGreaterThan(6).anyMatch(e -> e.startsWith("post /v1/customers "))
                .anyMatch(e -> e.startsWith("post /login ")).anyMatch(e -> e.startsWith("patch /v1/customers/{customerId}/orders/{orderId} "));
    }

    @Test
    void theSecuritySchemesAreABearerTokenAndTheClientCredentialsGrant() {
        JsonNode schemes = document.path("components").path("securitySchemes");
        assertThat(schemes.path("bearer").path("scheme").asText()).isEqualTo("bearer");
        assertThat(schemes.path("bearer").path("bearerFormat").asText()).isEqualTo("JWT");
        assertThat(schemes.path("clientCredentials").path("flows").path("clientCredentials").path("tokenUrl").asText())
                .isEqualTo("/oauth2/token");
        assertThat(document.at("/paths/~1v1~1customers/get/security").toString()).contains("bearer");
        assertThat(document.at("/paths/~1login/post/security").isMissingNode()).as("POST /login needs no token").isTrue();
    }

    /** The document and its page are for anyone, in both forms the same content; nothing else opens. */
    @Test
    void theDocumentAndItsPageAreServedToAnyone() throws IOException {
        Answer json = send("GET", "/openapi.json", null, null);
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.header("Content-Type")).startsWith("application/json");
        assertThat(JSON.readTree(json.body())).isEqualTo(document);
        Answer yaml = send("GET", "/openapi.yml", null, null);
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.header("Content-Type")).startsWith("application/yaml");
        assertThat(new YAMLMapper().readTree(yaml.body())).isEqualTo(document);

        Answer page = send("GET", "/openapi/ui", null, null, "Accept", "text/html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'").contains("script-src 'self'")
                .doesNotContain("unsafe-inline");
        List<String> assets = new ArrayList<>();
        Matcher matcher = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
        while (matcher.find()) {
            assets.add(matcher.group(1));
        }
        assertThat(assets).as("scripts and styles of the page").hasSize(3).allMatch(asset -> asset.startsWith("/"))
                .noneMatch(asset -> asset.startsWith("//"));
        assertThat(page.body()).doesNotContain("<script>").doesNotContain("style=");
        for (String asset : assets) {
            assertThat(send("GET", asset, null, null).status()).as(asset).isEqualTo(200);
        }
        assertThat(send("GET", "/openapi/ui/start.js", null, null).body()).contains("'/openapi.json'")
                .contains("validatorUrl: null");

        assertThat(send("GET", "/v1/customers", null, null).status()).as("the API itself is not opened").isEqualTo(401);
        assertThat(send("GET", "/webjars/swagger-ui/../../openapi.properties", null, null).status()).isNotEqualTo(200);
    }

    /** The check every e2e class runs is not vacuous: what the document does not say is reported, readably. */
    @Test
    void theConformanceCheckReportsWhatTheDocumentDoesNotSay() {
        ApiConformance conformance = ApiConformance.document();
        String json = "application/json";
        assertThat(conformance.mismatch(new ApiConformance.Exchange("GET", "/v1/customers", 200, json,
                "{\"totalCount\": 1, \"items\": [{\"id\": 7}]}"))).get().asString()
                .contains("does not match the documented schema").contains("/items/0");
        assertThat(conformance.mismatch(new ApiConformance.Exchange("GET", "/v1/customers", 418, json, "{}"))).get()
                .asString().contains("status 418 is not documented");
        assertThat(conformance.mismatch(new ApiConformance.Exchange("GET", "/v1/nowhere", 200, json, "{}"))).get()
                .asString().contains("not in the document");
        assertThat(conformance.mismatch(new ApiConformance.Exchange("DELETE", "/v1/customers", 204, null, ""))).get()
                .asString().contains("method is not documented");
        assertThat(conformance.mismatch(new ApiConformance.Exchange("GET", "/v1/customers/x", 200, "text/html", "<p>"))).get()
                .asString().contains("Content-Type text/html is not documented");
        assertThat(conformance.mismatch(new ApiConformance.Exchange("GET", "/v1/customers?q=a", 200, json,
                "{\"totalCount\": 0, \"items\": []}"))).isEmpty();
        assertThat(conformance.mismatch(new ApiConformance.Exchange("GET", "/v1/customers/x", 404, "application/problem+json",
                "{\"type\": \"urn:cspdesk:problem:customer_not_found\", \"title\": \"t\", \"status\": 404, "
                        + "\"detail\": \"d\", \"code\": \"customer_not_found\", \"description\": \"d\"}"))).isEmpty();
        assertThat(conformance.mismatch(new ApiConformance.Exchange("GET", "/ui/customers", 200, "text/html", "<p>")))
                .as("the dashboard's pages are not the API").isEmpty();
    }

    private void references(JsonNode node, List<String> unresolved) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && (!ref.asText().startsWith("#/") || document.at(ref.asText().substring(1)).isMissingNode())) {
                unresolved.add(ref.asText());
            }
            node.elements().forEachRemaining(child -> references(child, unresolved));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> references(child, unresolved));
        }
    }

    /** /v1/customers/{customerId}/orders{?size} → /v1/customers/{customerId}/orders. */
    private static String path(UriMatchTemplate template) {
        String path = template.toPathString();
        int query = path.indexOf("{?");
        return query < 0 ? path : path.substring(0, query);
    }
}
