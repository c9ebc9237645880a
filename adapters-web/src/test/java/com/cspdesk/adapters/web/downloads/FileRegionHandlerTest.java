package com.cspdesk.adapters.web.downloads;

import io.netty.buffer.ByteBuf;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.FileRegion;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The zero-copy path on a Netty channel of its own: what leaves the handler towards the HTTP
 * encoder and the socket is the head with the part's length and then a file region over exactly
 * the part; with TLS, without the handler, or for an answer something compressed, the response
 * goes out as it came and the body streams.
 */
class FileRegionHandlerTest {

    @TempDir
    Path folder;

    private final FileRegionHandler handler = new FileRegionHandler();
    private EmbeddedChannel channel;

    @AfterEach
    void close() {
        if (channel != null) {
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void aReservedPartLeavesAsTheHeadWithItsLengthThenAFileRegionOverThePart() throws Exception {
        byte[] bytes = new byte[100_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7);
        }
        Path file = Files.write(folder.resolve("image.iso"), bytes);
        channel = new EmbeddedChannel(new HttpResponseEncoder(), handler);

        FileRegionHandler.Part part = handler.reserve(channel, file, 1_000, 50_000).orElseThrow();
        assertThat(part.taken()).isFalse();
        // As Micronaut hands it over for a body without a length: chunked, with the marker.
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.PARTIAL_CONTENT);
        head.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED)
                .set(HttpHeaderNames.CONTENT_RANGE, "bytes 1000-50999/100000")
                .set(FileRegionHandler.MARKER, part.id());
        channel.writeOutbound(head);
        channel.writeOutbound(LastHttpContent.EMPTY_LAST_CONTENT);

        ByteBuf encodedHead = channel.readOutbound();
        String wireHead = encodedHead.toString(StandardCharsets.US_ASCII);
        encodedHead.release();
        assertThat(wireHead).startsWith("HTTP/1.1 206 Partial Content\r\n")
                .contains("content-length: 50000\r\n").contains("content-range: bytes 1000-50999/100000\r\n")
                .doesNotContainIgnoringCase("transfer-encoding").doesNotContainIgnoringCase(FileRegionHandler.MARKER);
        Object region = channel.readOutbound();
        assertThat(region).isInstanceOf(DefaultFileRegion.class);
        assertThat(((FileRegion) region).position()).isEqualTo(1_000);
        assertThat(((FileRegion) region).count()).isEqualTo(50_000);
        assertThat(sent((FileRegion) region)).isEqualTo(Arrays.copyOfRange(bytes, 1_000, 51_000));
        ((FileRegion) region).release();
        ByteBuf end = channel.readOutbound();
        assertThat(end.readableBytes()).as("no chunk trailer: the body is the region").isZero();
        end.release();
        assertThat(part.taken()).as("the body then ends without reading").isTrue();
    }

    @Test
    void aPartLongerThanARegionLeavesAsRegionsOneAfterTheOtherCoveringItExactly() throws Exception {
        long length = 2 * FileRegionHandler.REGION + 5;
        byte[] bytes = new byte[(int) length + 10];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 13 + i / 4096);
        }
        Path file = Files.write(folder.resolve("image.iso"), bytes);
        channel = new EmbeddedChannel(handler);
        FileRegionHandler.Part part = handler.reserve(channel, file, 10, length).orElseThrow();
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(FileRegionHandler.MARKER, part.id());
        channel.writeOutbound(head);

        HttpResponse out = channel.readOutbound();
        assertThat(out.headers().get(HttpHeaderNames.CONTENT_LENGTH)).isEqualTo(String.valueOf(length));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        List<Long> counts = new ArrayList<>();
        Object next;
        while ((next = channel.readOutbound()) != null) {
            FileRegion region = (FileRegion) next;
            counts.add(region.count());
            body.writeBytes(sent(region));
            region.release();
        }
        assertThat(counts).containsExactly(FileRegionHandler.REGION, FileRegionHandler.REGION, 5L);
        assertThat(body.toByteArray()).isEqualTo(Arrays.copyOfRange(bytes, 10, bytes.length));
    }

    @Test
    void aCompressedAnswerGoesOutAsItCameWithoutTheMarkerAndTheBodyStreams() throws Exception {
        Path file = Files.write(folder.resolve("image.iso"), new byte[10]);
        channel = new EmbeddedChannel(handler);
        FileRegionHandler.Part part = handler.reserve(channel, file, 0, 10).orElseThrow();
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED)
                .set(HttpHeaderNames.CONTENT_ENCODING, "gzip")
                .set(FileRegionHandler.MARKER, part.id());
        channel.writeOutbound(head);

        HttpResponse out = channel.readOutbound();
        assertThat(out.headers().contains(FileRegionHandler.MARKER)).isFalse();
        assertThat(out.headers().get(HttpHeaderNames.TRANSFER_ENCODING)).isEqualTo("chunked");
        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(part.taken()).isFalse();
    }

    @Test
    void aFullResponseKeepsItsBodyAndLosesTheMarker() throws Exception {
        Path file = Files.write(folder.resolve("image.iso"), new byte[10]);
        channel = new EmbeddedChannel(handler);
        FileRegionHandler.Part part = handler.reserve(channel, file, 0, 10).orElseThrow();
        FullHttpResponse full = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        full.headers().set(FileRegionHandler.MARKER, part.id());
        channel.writeOutbound(full);
        FullHttpResponse out = channel.readOutbound();
        assertThat(out.headers().contains(FileRegionHandler.MARKER)).isFalse();
        out.release();
        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(part.taken()).isFalse();
    }

    @Test
    void aResponseWithoutTheMarkerPassesUntouched() {
        channel = new EmbeddedChannel(handler);
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_LENGTH, 5);
        channel.writeOutbound(head);
        assertThat((Object) channel.readOutbound()).isSameAs(head);
        assertThat(head.headers().get(HttpHeaderNames.CONTENT_LENGTH)).isEqualTo("5");
        assertThat((Object) channel.readOutbound()).isNull();
    }

    @Test
    void overTlsOrWithoutTheHandlerNothingIsReservedSoTheBodyStreams() throws Exception {
        Path file = Files.write(folder.resolve("image.iso"), new byte[10]);
        SSLEngine engine = SSLContext.getDefault().createSSLEngine();
        engine.setUseClientMode(false);
        channel = new EmbeddedChannel(new SslHandler(engine), handler);
        assertThat(handler.reserve(channel, file, 0, 10)).as("TLS: sendfile cannot encrypt").isEmpty();

        EmbeddedChannel http2Stream = new EmbeddedChannel();
        try {
            assertThat(handler.reserve(http2Stream, file, 0, 10)).as("a pipeline without the handler (HTTP/2)").isEmpty();
        } finally {
            http2Stream.finishAndReleaseAll();
        }
        assertThat(handler.reserve(null, file, 0, 10)).as("a request that did not come through Netty").isEmpty();
    }

    private static byte[] sent(FileRegion region) throws Exception {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (WritableByteChannel target = Channels.newChannel(received)) {
            while (region.transferred() < region.count()) {
                region.transferTo(target, region.transferred());
            }
        }
        return received.toByteArray();
    }
}
