package com.cspdesk.adapters.web.compression;

import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MemoizedCompressionStrategyTest {

    private final MemoizedCompressionStrategy strategy = new MemoizedCompressionStrategy(1024, 6, 1 << 20);

    @ParameterizedTest(name = "{0}, length {1}: {2}")
    @CsvSource({
            "application/json, 1024, true",
            "application/json, 1023, false",
            "application/json, -1, true",
            "application/problem+json, 4096, true",
            "text/csv;charset=utf-8, 4096, true",
            "text/html;charset=utf-8, -1, true",
            "application/octet-stream, 1048576, false",
            "application/pdf, 1048576, false",
            "image/png, 4096, false",
    })
    void compressesTextAnswersFromTheThresholdOnAndNeverBinaryOnes(String contentType, long length, boolean compressed) {
        // Asked twice: the first answer is decided, the second remembered; both the same.
        assertThat(strategy.shouldCompress(response(contentType, length))).isEqualTo(compressed);
        assertThat(strategy.shouldCompress(response(contentType, length))).isEqualTo(compressed);
    }

    @Test
    void anAnswerWithoutContentTypeIsNotCompressed() {
        assertThat(strategy.shouldCompress(response(null, 4096))).isFalse();
    }

    @Test
    void aNegativeThresholdSwitchesCompressionOff() {
        MemoizedCompressionStrategy off = new MemoizedCompressionStrategy(-1, 6, 1 << 20);

        assertThat(off.isEnabled()).isFalse();
        assertThat(off.shouldCompress(response("application/json", 4096))).isFalse();
    }

    @Test
    void rememberedTypesAreBoundedAndTypesPastTheBoundAreStillDecided() {
        for (int i = 0; i < MemoizedCompressionStrategy.REMEMBERED_TYPES + 36; i++) {
            assertThat(strategy.shouldCompress(response("application/vnd.cspdesk-" + i + "+json", 4096))).isTrue();
            assertThat(strategy.shouldCompress(response("application/x-cspdesk-" + i, 4096))).isFalse();
        }

        assertThat(strategy.remembered()).isEqualTo(MemoizedCompressionStrategy.REMEMBERED_TYPES);
    }

    @Test
    void theConfiguredLevelAndZstdBoundAreHandedOn() {
        assertThat(strategy.getCompressionLevel()).isEqualTo(6);
        assertThat(strategy.getMaxZstdEncodeSize()).isEqualTo(1 << 20);
    }

    private static HttpResponse response(String contentType, long length) {
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        if (contentType != null) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        if (length >= 0) {
            response.headers().set(HttpHeaderNames.CONTENT_LENGTH, length);
        }
        return response;
    }
}
