package com.cspdesk.bootstrap.e2e;

import com.cspdesk.adapters.web.apidoc.DocumentRepairs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The API document (adapters-web's generated {@code META-INF/swagger/cspdesk.json}, as served) as a check of
 * real answers: every exchange an end-to-end test makes with the JSON API must be in it — the path and
 * method, the status, the answer's media type, and a JSON body must validate against the schema the
 * document gives for it (JSON Schema draft 2020-12, OpenAPI 3.1's dialect; networknt's validator, with
 * format assertions on). {@link EndToEnd} records every exchange and checks them after each class.
 */
final class ApiConformance {

    static final String DOCUMENT = "META-INF/swagger/cspdesk.json";
    private static final String SCHEMAS = "#/components/schemas/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ApiConformance INSTANCE = new ApiConformance(load());

    /** An answer as the test saw it. */
    record Exchange(String method, String path, int status, String contentType, String body) {

        @Override
        public String toString() {
            return method + " " + path + " → " + status;
        }
    }

    private final JsonNode document;
    private final JsonNode definitions;
    private final List<Template> templates;
    private final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    private ApiConformance(JsonNode document) {
        this.document = document;
        this.definitions = definitions(document.path("components").path("schemas"));
        List<Template> all = new ArrayList<>();
        document.path("paths").fieldNames().forEachRemaining(path -> all.add(Template.of(path)));
        // A literal segment wins over a variable (/v1/invoices/runs before /v1/invoices/{invoiceId}).
        all.sort(Comparator.comparingInt(Template::variables).thenComparing(Template::path));
        this.templates = List.copyOf(all);
    }

    static ApiConformance document() {
        return INSTANCE;
    }

    JsonNode tree() {
        return document;
    }

    /** Whether the path is the JSON API's (not the dashboard's pages or their files). */
    static boolean isApi(String path) {
        return path.startsWith("/v1/") || path.startsWith("/webhooks/") || path.equals("/login") || path.equals("/login/mfa") || path.startsWith("/downloads/")
                || path.equals("/health") || path.startsWith("/health/") || path.startsWith("/oauth2/")
                || path.equals("/openapi.json") || path.equals("/openapi.yml");
    }

    /** What is wrong with the exchange, or nothing when it conforms (or is not the API's). */
    Optional<String> mismatch(Exchange exchange) {
        String path = exchange.path();
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        if (!isApi(path) || path.equals("/openapi.json") || path.equals("/openapi.yml")) {
            return Optional.empty();
        }
        String concretePath = path;
        Optional<Template> template = templates.stream().filter(t -> t.matches(concretePath)).findFirst();
        if (template.isEmpty()) {
            // A probe of a route that does not exist may answer 404/405; any other answer means an undocumented route.
            return exchange.status() == 404 || exchange.status() == 405 ? Optional.empty()
                    : Optional.of("the path is not in the document");
        }
        JsonNode pathItem = document.path("paths").path(template.get().path());
        String method = exchange.method().toLowerCase(Locale.ROOT);
        JsonNode operation = pathItem.path(method);
        if (operation.isMissingNode() && method.equals("head")) {
            if (exchange.status() == 405) {
                return Optional.empty();
            }
            // HEAD is GET without the body (RFC 9110): Micronaut answers it for every GET route.
            operation = pathItem.path("get");
            method = "get";
        }
        if (operation.isMissingNode()) {
            return exchange.status() == 405 || exchange.status() == 404 ? Optional.empty()
                    : Optional.of("the method is not documented for " + template.get().path());
        }
        String pointer = "/paths/" + escape(template.get().path()) + "/" + method;
        JsonNode responses = operation.path("responses");
        String status = String.valueOf(exchange.status());
        String key = responses.has(status) ? status
                : responses.has(status.charAt(0) + "XX") ? status.charAt(0) + "XX"
                : responses.has("default") ? "default" : null;
        if (key == null) {
            List<String> documented = new ArrayList<>();
            responses.fieldNames().forEachRemaining(documented::add);
            return Optional.of("status " + status + " is not documented for " + exchange.method() + " "
                    + template.get().path() + " (documented: " + documented + "); body: " + excerpt(exchange.body()));
        }
        JsonNode response = responses.path(key);
        if (response.has("$ref")) {
            pointer = response.path("$ref").asText().substring(1);
            response = document.at(pointer);
        } else {
            pointer += "/responses/" + escape(key);
        }
        if (exchange.body() == null || exchange.body().isEmpty() || exchange.method().equalsIgnoreCase("HEAD")) {
            return Optional.empty();
        }
        String mediaType = exchange.contentType() == null ? "" : exchange.contentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
        JsonNode content = response.path("content");
        String documentedType = mediaTypeOf(content, mediaType);
        if (documentedType == null) {
            List<String> documented = new ArrayList<>();
            content.fieldNames().forEachRemaining(documented::add);
            return Optional.of("the answer's Content-Type " + mediaType + " is not documented for status " + key
                    + " (documented: " + documented + ")");
        }
        if (!isJson(mediaType)) {
            return Optional.empty();
        }
        JsonNode schemaNode = content.path(documentedType).path("schema");
        if (schemaNode.isMissingNode() || schemaNode.isEmpty()) {
            return Optional.of("the document gives no schema for the JSON answer (" + key + ", " + documentedType + ")");
        }
        String schemaPointer = pointer + "/content/" + escape(documentedType) + "/schema";
        JsonNode body;
        try {
            body = JSON.readTree(exchange.body());
        } catch (IOException e) {
            return Optional.of("the answer says " + mediaType + " but is not JSON: " + excerpt(exchange.body()));
        }
        List<Error> errors = compiled.computeIfAbsent(schemaPointer, p -> compile(schemaNode)).validate(body);
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder message = new StringBuilder("the body does not match the documented schema (")
                .append(schemaNode.has("$ref") ? schemaNode.path("$ref").asText() : "#" + schemaPointer).append("):");
        errors.stream().limit(5).forEach(error -> message.append("\n      ").append(error.getInstanceLocation())
                .append(": ").append(error.getMessage()));
        return Optional.of(message.append("\n      body: ").append(excerpt(exchange.body())).toString());
    }

    /** What is wrong with a request body's example (its place in the document, e.g. #/paths/…/requestBody/content/…), or nothing. */
    List<String> exampleMismatches(String contentPointer, JsonNode example) {
        JsonNode schemaNode = document.at(contentPointer + "/schema");
        return compiled.computeIfAbsent(contentPointer + "/schema", p -> compile(schemaNode)).validate(example).stream()
                .map(error -> error.getInstanceLocation() + ": " + error.getMessage()).toList();
    }

    static String pointer(String... tokens) {
        StringBuilder pointer = new StringBuilder("#");
        for (String token : tokens) {
            pointer.append('/').append(escape(token));
        }
        return pointer.toString().substring(1);
    }

    /** Every exchange checked; a readable list of the ones that do not conform, or nothing. */
    String mismatches(List<Exchange> exchanges) {
        StringBuilder all = new StringBuilder();
        int count = 0;
        for (Exchange exchange : exchanges) {
            Optional<String> mismatch = mismatch(exchange);
            if (mismatch.isPresent()) {
                count++;
                all.append("\n  ").append(exchange).append(": ").append(mismatch.get());
            }
        }
        return count == 0 ? "" : count + " of " + exchanges.size() + " answers do not conform to the API document "
                + "(adapters-web: the controllers' annotations and src/main/openapi/components.yml):" + all;
    }

    /** The schema on its own, with the document's schemas as its $defs (its #/components/schemas/… references made #/$defs/…). */
    private Schema compile(JsonNode schemaNode) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("$defs", definitions);
        root.set("allOf", JSON.createArrayNode().add(rewriteReferences(schemaNode.deepCopy())));
        return schemas.getSchema(root);
    }

    private static JsonNode definitions(JsonNode componentSchemas) {
        return rewriteReferences(componentSchemas.deepCopy());
    }

    private static JsonNode rewriteReferences(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMAS)) {
                object.put("$ref", "#/$defs/" + ref.asText().substring(SCHEMAS.length()));
            }
            object.elements().forEachRemaining(ApiConformance::rewriteReferences);
        } else if (node.isArray()) {
            node.elements().forEachRemaining(ApiConformance::rewriteReferences);
        }
        return node;
    }

    private static String mediaTypeOf(JsonNode content, String mediaType) {
        if (content.has(mediaType)) {
            return mediaType;
        }
        String range = mediaType.contains("/") ? mediaType.substring(0, mediaType.indexOf('/')) + "/*" : mediaType;
        if (content.has(range)) {
            return range;
        }
        return content.has("*/*") ? "*/*" : null;
    }

    static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private static String escape(String pointerToken) {
        return pointerToken.replace("~", "~0").replace("/", "~1");
    }

    private static String excerpt(String body) {
        if (body == null) {
            return "(none)";
        }
        return body.length() > 400 ? body.substring(0, 400) + "…" : body;
    }

    private static JsonNode load() {
        try (InputStream in = ApiConformance.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is not on the class path: adapters-web's build writes it");
            }
            // As served: the generated file with adapters-web's repairs.
            return JSON.valueToTree(DocumentRepairs.repair(JSON.readValue(in, Map.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A documented path, e.g. {@code /v1/customers/{customerId}/orders}, as a pattern. */
    private record Template(String path, Pattern pattern, int variables) {

        static Template of(String path) {
            StringBuilder regex = new StringBuilder();
            int variables = 0;
            for (Iterator<String> parts = List.of(path.split("/", -1)).iterator(); parts.hasNext(); ) {
                String part = parts.next();
                if (part.startsWith("{") && part.endsWith("}")) {
                    regex.append("[^/]+");
                    variables++;
                } else {
                    regex.append(Pattern.quote(part));
                }
                if (parts.hasNext()) {
                    regex.append('/');
                }
            }
            return new Template(path, Pattern.compile(regex.toString()), variables);
        }

        boolean matches(String concrete) {
            return pattern.matcher(concrete).matches();
        }
    }
}
