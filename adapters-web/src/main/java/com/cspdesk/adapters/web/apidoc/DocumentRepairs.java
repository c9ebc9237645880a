package com.cspdesk.adapters.web.apidoc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the served document adds to, or mends in, the file micronaut-openapi 6.20.0 writes (applied
 * once at start, to a JSON tree of maps and lists):
 * <ul>
 * <li>its OpenAPI 3.1 output writes a {@code @Nullable} property of an object type as
 * {@code {type: null, allOf: [X]}} ("null and X", which nothing matches) and a {@code @Nullable}
 * string as {@code type: [string, null, object]}: they become {@code anyOf: [X, {type: null}]} and
 * {@code [string, null]};</li>
 * <li>every operation that takes a body may be refused before its controller sees it: 413 (too large)
 * and 415 (not the media type it takes), answered by the framework for every such route alike;</li>
 * <li>an enum given as {@code @Schema(allowableValues)} is written twice, as {@code enum} and as an
 * {@code allowableValues} that is no keyword: the second goes.</li>
 * </ul>
 * The end-to-end tests check real answers against the repaired document.
 */
public final class DocumentRepairs {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private DocumentRepairs() {
    }

    /** The repaired copy of a document read as maps, lists and values. */
    public static Map<String, Object> repair(Map<?, ?> document) {
        @SuppressWarnings("unchecked")
        Map<String, Object> repaired = (Map<String, Object>) nullable(document);
        if (repaired.get("paths") instanceof Map<?, ?> paths) {
            for (Object item : paths.values()) {
                if (item instanceof Map<?, ?> pathItem) {
                    pathItem.forEach((method, operation) -> {
                        if (METHODS.contains(method) && operation instanceof Map<?, ?> op && op.containsKey("requestBody")
                                && op.get("responses") instanceof Map<?, ?> responses) {
                            refusedBeforeTheController(cast(responses));
                        }
                    });
                }
            }
        }
        return repaired;
    }

    private static void refusedBeforeTheController(Map<String, Object> responses) {
        responses.putIfAbsent("413", reference(ApiDoc.TOO_LARGE));
        responses.putIfAbsent("415", reference(ApiDoc.UNSUPPORTED_MEDIA_TYPE));
    }

    private static Map<String, Object> reference(String ref) {
        Map<String, Object> reference = new LinkedHashMap<>();
        reference.put("$ref", ref);
        return reference;
    }

    private static Object nullable(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put(String.valueOf(key), nullable(value)));
            // @Schema(allowableValues) is written as the enum it is, and again under its Java name, which
            // is no keyword of OpenAPI or JSON Schema (validators warn of it): the enum stays.
            if (copy.containsKey("enum") && copy.get("allowableValues") instanceof List<?>) {
                copy.remove("allowableValues");
            }
            Object type = copy.get("type");
            if ("null".equals(type) && copy.get("allOf") instanceof List<?> allOf && !allOf.isEmpty()) {
                Object schema = allOf.size() == 1 ? allOf.get(0) : Map.of("allOf", allOf);
                copy.remove("type");
                copy.remove("allOf");
                copy.put("anyOf", List.of(schema, Map.of("type", "null")));
            } else if (type instanceof List<?> types && types.contains("null") && types.contains("object") && types.size() > 2
                    && !copy.containsKey("properties") && !copy.containsKey("additionalProperties")) {
                List<Object> without = new ArrayList<>(types);
                without.remove("object");
                copy.put("type", without);
            }
            return copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(element -> copy.add(nullable(element)));
            return copy;
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
