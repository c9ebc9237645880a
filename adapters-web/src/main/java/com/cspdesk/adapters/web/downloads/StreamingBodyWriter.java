package com.cspdesk.adapters.web.downloads;

import io.micronaut.core.io.buffer.ReadBuffer;
import io.micronaut.core.io.buffer.ReadBufferFactory;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.MutableHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.body.ByteBodyFactory;
import io.micronaut.http.body.CloseableByteBody;
import io.micronaut.http.body.ResponseBodyWriter;
import io.micronaut.http.codec.CodecException;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;

/**
 * Writes a {@link StreamingBody}. Micronaut's own {@code StreamedFile} writer was not used: it
 * answers {@code If-Modified-Since} by itself (before the download is judged) and adds caching
 * headers a download link must not have. Its {@code InputStreamByteBody} was used before, but it
 * reads 8 KiB at a time: 262,144 chunks, each a hand-off to the event loop, for a 2 GiB file
 * (docs/performance.md). Here the stream is read in {@value #CHUNK}-byte chunks on the blocking
 * pool, one chunk per demand of the connection (Flux.generate keeps to the demand), so memory
 * stays flat however slow the client is.
 */
@Singleton
final class StreamingBodyWriter implements ResponseBodyWriter<StreamingBody> {

    static final int CHUNK = 256 * 1024;

    private final Scheduler blocking;

    StreamingBodyWriter(@Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.blocking = Schedulers.fromExecutorService(blocking, "downloads");
    }

    @Override
    public CloseableByteBody writePiece(ByteBodyFactory bodyFactory, HttpRequest<?> request, HttpResponse<?> response,
                                        Argument<StreamingBody> type, MediaType mediaType, StreamingBody body) {
        return bodyFactory.adapt(chunks(body, bodyFactory.readBufferFactory()), body.length());
    }

    /** The body's bytes, read when asked for, closed when done, failed or cancelled (the client went away). */
    Flux<ReadBuffer> chunks(StreamingBody body, ReadBufferFactory buffers) {
        return chunks(body::stream, buffers);
    }

    /**
     * The bytes of the stream {@code open} gives, opened on the blocking pool when the body is
     * subscribed to, read when asked for, closed when done, failed or cancelled.
     */
    Flux<ReadBuffer> chunks(Callable<InputStream> open, ReadBufferFactory buffers) {
        return Flux.<ReadBuffer, InputStream>generate(open, (in, sink) -> {
            try {
                byte[] chunk = in.readNBytes(CHUNK);
                if (chunk.length == 0) {
                    sink.complete();
                } else {
                    sink.next(buffers.adapt(chunk));
                }
            } catch (IOException e) {
                sink.error(e);
            }
            return in;
        }, StreamingBodyWriter::close).subscribeOn(blocking);
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // The response is over either way; nothing to tell the client.
        }
    }

    @Override
    public void writeTo(Argument<StreamingBody> type, MediaType mediaType, StreamingBody body, MutableHeaders headers,
                        OutputStream outputStream) throws CodecException {
        try (InputStream in = body.stream()) {
            in.transferTo(outputStream);
        } catch (IOException e) {
            throw new CodecException("the body could not be written", e);
        }
    }
}
