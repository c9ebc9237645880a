package com.cspdesk.adapters.web.api;

import com.cspdesk.adapters.web.downloads.EntityTags;
import com.cspdesk.adapters.web.downloads.StreamingBody;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import com.cspdesk.adapters.web.api.ResourceCollection.Link;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConditionalAnswersTest {

    private final ObjectMapper mapper = ObjectMapper.getDefault();
    private final ConditionalAnswers conditional = new ConditionalAnswers(mapper);

    private MutableHttpResponse<?> answered(HttpRequest<?> request, Object body) {
        MutableHttpResponse<?> response = HttpResponse.ok(body);
        conditional.answer(request, response);
        return response;
    }

    @Test
    void aJsonAnswerIsSentAsTheBytesItsTagIsTheHashOf() throws IOException {
        ResourceCollection<Link> page = ResourceCollection.of(List.of(new Link("a", "GET"), new Link("b", "GET")));
        MutableHttpResponse<?> response = answered(HttpRequest.GET("/v1/things"), page);

        byte[] expected = mapper.writeValueAsBytes(page);
        assertThat(response.code()).isEqualTo(HttpStatus.OK.getCode());
        assertThat(response.getBody().orElseThrow()).isInstanceOf(byte[].class).isEqualTo(expected);
        assertThat(response.getContentType()).contains(MediaType.APPLICATION_JSON_TYPE);
        assertThat(response.getHeaders().get(HttpHeaders.ETAG)).isEqualTo(EntityTags.weakOf(expected)).startsWith("W/\"");
        assertThat(response.getHeaders().getAll(HttpHeaders.CACHE_CONTROL)).containsExactly("private, no-cache");
        assertThat(response.getHeaders().get(HttpHeaders.VARY)).contains("Authorization", "Accept-Language");
    }

    @Test
    void theSameTagInIfNoneMatchIsA304WithNoBodyAndTheSameHeaders() {
        Link item = new Link("a", "GET");
        String etag = answered(HttpRequest.GET("/v1/things/a"), item).getHeaders().get(HttpHeaders.ETAG);

        for (String ifNoneMatch : List.of(etag, etag.substring(2), "W/\"00\", " + etag, "*")) {
            MutableHttpResponse<?> response = answered(HttpRequest.GET("/v1/things/a").header(HttpHeaders.IF_NONE_MATCH, ifNoneMatch),
                    item);
            assertThat(response.code()).as(ifNoneMatch).isEqualTo(HttpStatus.NOT_MODIFIED.getCode());
            assertThat(response.getBody()).isEmpty();
            assertThat(response.getHeaders().get(HttpHeaders.ETAG)).isEqualTo(etag);
            assertThat(response.getHeaders().get(HttpHeaders.CACHE_CONTROL)).isEqualTo("private, no-cache");
            assertThat(response.getHeaders().contains(HttpHeaders.CONTENT_TYPE)).isFalse();
        }
    }

    @Test
    void aChangedAnswerHasAnotherTagAndIsSentWhole() {
        String before = answered(HttpRequest.GET("/v1/things/a"), new Link("a", "GET")).getHeaders().get(HttpHeaders.ETAG);
        MutableHttpResponse<?> after = answered(HttpRequest.GET("/v1/things/a").header(HttpHeaders.IF_NONE_MATCH, before),
                new Link("a", "POST"));
        assertThat(after.code()).isEqualTo(HttpStatus.OK.getCode());
        assertThat(after.getHeaders().get(HttpHeaders.ETAG)).isNotEqualTo(before);
        assertThat(new String((byte[]) after.getBody().orElseThrow())).contains("\"method\":\"POST\"");
    }

    @Test
    void theNoStoreOfAnAnswerIsReplacedNotAddedTo() {
        MutableHttpResponse<?> response = HttpResponse.ok(new Link("a", "GET")).header(HttpHeaders.CACHE_CONTROL, "no-store");
        conditional.answer(HttpRequest.GET("/v1/things/a"), response);
        assertThat(response.getHeaders().getAll(HttpHeaders.CACHE_CONTROL)).containsExactly("private, no-cache");
    }

    @Test
    void refusalsOtherMethodsAndNonJsonAnswersAreLeftAlone() {
        MutableHttpResponse<?> notFound = HttpResponse.notFound(new Link("a", "GET"));
        conditional.answer(HttpRequest.GET("/v1/things/a").header(HttpHeaders.IF_NONE_MATCH, "*"), notFound);
        assertThat(notFound.code()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
        assertThat(notFound.getHeaders().contains(HttpHeaders.ETAG)).isFalse();

        MutableHttpResponse<?> posted = HttpResponse.ok(new Link("a", "GET"));
        conditional.answer(HttpRequest.POST("/v1/things", "{}").header(HttpHeaders.IF_NONE_MATCH, "*"), posted);
        assertThat(posted.code()).isEqualTo(HttpStatus.OK.getCode());
        assertThat(posted.getBody().orElseThrow()).isInstanceOf(Link.class);

        MutableHttpResponse<?> csv = HttpResponse.ok(StreamingBody.chunked(new ByteArrayInputStream(new byte[] {'a'})))
                .contentType(MediaType.TEXT_CSV_TYPE);
        conditional.answer(HttpRequest.GET("/v1/things?format=csv").header(HttpHeaders.IF_NONE_MATCH, "*"), csv);
        assertThat(csv.code()).isEqualTo(HttpStatus.OK.getCode());
        assertThat(csv.getHeaders().contains(HttpHeaders.ETAG)).isFalse();
    }
}
