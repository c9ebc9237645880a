package com.cspdesk.adapters.web.apidoc;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentRepairsTest {

    private static final Map<String, Object> MONEY = Map.of("$ref", "#/components/schemas/MoneyJson");

    @Test
    void aNullableObjectBecomesTheObjectOrNull() {
        Map<String, Object> repaired = DocumentRepairs.repair(schemas(Map.of("type", "null", "allOf", List.of(MONEY))));
        assertThat(schema(repaired)).isEqualTo(Map.of("anyOf", List.of(MONEY, Map.of("type", "null"))));
    }

    @Test
    void aNullableStringIsAStringOrNullNotAnObject() {
        Map<String, Object> repaired = DocumentRepairs.repair(schemas(Map.of("type", List.of("string", "null", "object"))));
        assertThat(schema(repaired)).isEqualTo(Map.of("type", List.of("string", "null")));
        Map<String, Object> object = Map.of("type", List.of("object", "null"), "properties", Map.of());
        assertThat(schema(DocumentRepairs.repair(schemas(object)))).as("a nullable object stays").isEqualTo(object);
    }

    @Test
    void anEnumIsWrittenOnceAsEnum() {
        Map<String, Object> status = Map.of("type", "string", "enum", List.of("pending", "delivered"),
                "allowableValues", List.of("pending", "delivered"));
        assertThat(schema(DocumentRepairs.repair(schemas(status))))
                .isEqualTo(Map.of("type", "string", "enum", List.of("pending", "delivered")));
        Map<String, Object> named = Map.of("type", "object", "properties", Map.of("allowableValues", Map.of("type", "string")));
        assertThat(schema(DocumentRepairs.repair(schemas(named)))).as("a property of that name stays").isEqualTo(named);
    }

    @Test
    void anOperationWithABodyMayBeRefusedAsTooLargeOrOfTheWrongType() {
        Map<String, Object> document = Map.of("paths", Map.of("/v1/users", Map.of(
                "post", Map.of("requestBody", Map.of(), "responses", Map.of("201", Map.of())),
                "get", Map.of("responses", Map.of("200", Map.of())))));
        Map<?, ?> paths = (Map<?, ?>) ((Map<?, ?>) DocumentRepairs.repair(document).get("paths")).get("/v1/users");
        Map<?, ?> post = (Map<?, ?>) ((Map<?, ?>) paths.get("post")).get("responses");
        assertThat(new TreeSet<Object>(post.keySet())).containsExactly("201", "413", "415");
        assertThat(post.get("415")).isEqualTo(Map.of("$ref", ApiDoc.UNSUPPORTED_MEDIA_TYPE));
        assertThat(List.<Object>copyOf(((Map<?, ?>) ((Map<?, ?>) paths.get("get")).get("responses")).keySet())).containsExactly("200");
    }

    private static Map<String, Object> schemas(Map<String, Object> property) {
        return Map.of("components", Map.of("schemas", Map.of("X", Map.of("properties", Map.of("p", property)))));
    }

    private static Object schema(Map<String, Object> document) {
        Map<?, ?> components = (Map<?, ?>) document.get("components");
        Map<?, ?> x = (Map<?, ?>) ((Map<?, ?>) components.get("schemas")).get("X");
        return ((Map<?, ?>) x.get("properties")).get("p");
    }
}
