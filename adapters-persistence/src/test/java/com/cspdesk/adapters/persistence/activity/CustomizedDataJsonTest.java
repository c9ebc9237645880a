package com.cspdesk.adapters.persistence.activity;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored customizedData: what {@link CustomizedDataJson#write} makes reads back as the same ordered map, on the
 * writer's own form's quick path and through the general JSON parse alike; any other text goes to the general parse.
 */
class CustomizedDataJsonTest {

    private final ObjectMapper json = ObjectMapper.getDefault();

    @Test
    void whatTheWriterMakesReadsBackTheSameOnBothPaths() throws IOException {
        Map<String, String> tricky = new LinkedHashMap<>();
        tricky.put("quote\"and\\backslash", "line\nbreak\r\ttab\b\f");
        tricky.put("control", "\u0001\u001f end");
        tricky.put("separators", "\u2028\u2029");
        tricky.put("unicode", "Zürich – 東京 😀 /slash");
        tricky.put("empty", "");
        tricky.put("none", null);
        for (Map<String, String> data : List.of(Map.<String, String>of(), Map.of("version", "2022"), tricky)) {
            String text = CustomizedDataJson.write(data);

            assertThat(CustomizedDataJson.WrittenForm.read(text)).containsExactlyEntriesOf(data);
            assertThat(CustomizedDataJson.read(json, text)).contains(data);
            assertThat(general(text)).containsExactlyEntriesOf(data);
        }
    }

    @Test
    void otherJsonIsLeftToTheGeneralParse() throws IOException {
        for (String text : List.of(
                "[{\"key\": \"version\", \"value\": \"2022\"}]",
                "[{\"value\":\"2022\",\"key\":\"version\"}]",
                "[{\"key\":\"path\",\"value\":\"a\\/b\"}]",
                "[{\"key\":\"city\",\"value\":\"Z\\u00fcrich\"}]",
                "[{\"key\":\"version\",\"value\":\"2022\",\"note\":\"x\"}]",
                "[{\"key\":\"version\",\"value\":\"2022\"}] trailing")) {
            assertThat(CustomizedDataJson.WrittenForm.read(text)).as(text).isNull();
            assertThat(CustomizedDataJson.read(json, text)).as(text).contains(general(text));
        }
    }

    @Test
    void textThatIsNotSuchAnArrayIsNotRead() {
        for (String text : List.of("", "[", "[{\"key\": \"version\"", "[{\"key\":\"a\",\"value\":\"1\"},{\"key\":\"a\",\"value\":\"2\"}]",
                "{\"key\":\"a\",\"value\":\"1\"}", "[{\"key\":\"a\",\"value\":\"\\u+01f\"}]")) {
            assertThat(CustomizedDataJson.WrittenForm.read(text)).as(text).isNull();
            assertThat(CustomizedDataJson.read(json, text)).as(text).isEqualTo(Optional.empty());
        }
    }

    /** The general parse alone, as read() did before its quick path. */
    private Map<String, String> general(String text) throws IOException {
        Map<String, String> data = new LinkedHashMap<>();
        for (Map<String, String> item : json.readValue(text, Argument.listOf(Argument.mapOf(String.class, String.class)))) {
            data.put(item.get("key"), item.get("value"));
        }
        return data;
    }
}
