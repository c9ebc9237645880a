package com.cspdesk.adapters.web.downloads;

import io.micronaut.core.type.Argument;
import io.micronaut.core.type.MutableHeaders;
import io.micronaut.http.ByteBodyHttpResponse;
import io.micronaut.http.ByteBodyHttpResponseWrapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpRequestWrapper;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.body.ByteBodyFactory;
import io.micronaut.http.body.CloseableByteBody;
import io.micronaut.http.body.ResponseBodyWriter;
import io.micronaut.http.codec.CodecException;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.netty.channel.Channel;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Writes a {@link DownloadBody}: as a file region the kernel sends when the file is a plain local
 * one and the connection is HTTP/1 without TLS ({@link FileRegionHandler}), else as a stream read
 * in chunks on the blocking pool ({@link StreamingBodyWriter}), with the same headers either way.
 */
@Singleton
final class DownloadBodyWriter implements ResponseBodyWriter<DownloadBody> {

    private final StreamingBodyWriter streams;
    private final FileRegionHandler regions;

    DownloadBodyWriter(StreamingBodyWriter streams, FileRegionHandler regions) {
        this.streams = streams;
        this.regions = regions;
    }

    @Override
    public ByteBodyHttpResponse<?> write(ByteBodyFactory bodyFactory, HttpRequest<?> request,
                                         MutableHttpResponse<DownloadBody> response, Argument<DownloadBody> type,
                                         MediaType mediaType, DownloadBody body) throws CodecException {
        response.getHeaders().contentTypeIfMissing(mediaType);
        Optional<FileRegionHandler.Part> part = body.localPath()
                .flatMap(path -> regions.reserve(channelOf(request), path, body.first(), body.length()));
        if (part.isEmpty()) {
            return ByteBodyHttpResponseWrapper.wrap(response, writePiece(bodyFactory, request, response, type, mediaType, body));
        }
        FileRegionHandler.Part reserved = part.get();
        response.header(FileRegionHandler.MARKER, reserved.id());
        // No length here: when the region is sent this body ends empty (the handler sets the
        // Content-Length); when it is not (something compressed the answer), it streams, chunked.
        Flux<io.micronaut.core.io.buffer.ReadBuffer> bytes = Flux.defer(() -> reserved.taken().get()
                ? Flux.empty() : streams.chunks(body.open(), bodyFactory.readBufferFactory()));
        return ByteBodyHttpResponseWrapper.wrap(response, bodyFactory.adapt(bytes, OptionalLong.empty()));
    }

    @Override
    public CloseableByteBody writePiece(ByteBodyFactory bodyFactory, HttpRequest<?> request, HttpResponse<?> response,
                                        Argument<DownloadBody> type, MediaType mediaType, DownloadBody body) {
        return bodyFactory.adapt(streams.chunks(body.open(), bodyFactory.readBufferFactory()), OptionalLong.of(body.length()));
    }

    @Override
    public void writeTo(Argument<DownloadBody> type, MediaType mediaType, DownloadBody body, MutableHeaders headers,
                        OutputStream outputStream) throws CodecException {
        try (InputStream in = body.open().call()) {
            in.transferTo(outputStream);
        } catch (Exception e) {
            throw new CodecException("the body could not be written", e);
        }
    }

    /** The connection a request came on, when it came through Netty (else null: streamed). */
    static Channel channelOf(HttpRequest<?> request) {
        HttpRequest<?> unwrapped = request;
        while (unwrapped instanceof HttpRequestWrapper<?> wrapper) {
            unwrapped = wrapper.getDelegate();
        }
        return unwrapped instanceof NettyHttpRequest<?> netty ? netty.getChannelHandlerContext().channel() : null;
    }
}
