package com.cspdesk.adapters.web.downloads;

import java.io.InputStream;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A response body read from a stream while it is sent, never held whole in memory: the stream is
 * read on the blocking pool only as fast as the client takes it (Netty's back-pressure), and
 * closed when the response ends or the client goes away. With a {@code length} the answer has a
 * {@code Content-Length}; without, it is chunked.
 */
public record StreamingBody(InputStream stream, OptionalLong length) {

    public StreamingBody {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(length, "length");
    }

    public static StreamingBody ofLength(InputStream stream, long length) {
        return new StreamingBody(stream, OptionalLong.of(length));
    }

    public static StreamingBody chunked(InputStream stream) {
        return new StreamingBody(stream, OptionalLong.empty());
    }

    @Override
    public String toString() {
        return "StreamingBody[length=" + length + "]";
    }
}
