package com.cspdesk.adapters.web.downloads;

import io.micronaut.core.type.Argument;
import io.micronaut.core.type.MutableHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.body.ByteBodyFactory;
import io.micronaut.http.body.CloseableByteBody;
import io.micronaut.http.body.ResponseBodyWriter;
import io.micronaut.http.body.stream.InputStreamByteBody;
import io.micronaut.http.codec.CodecException;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;

/**
 * Writes a {@link StreamingBody}. Micronaut's own {@code StreamedFile} writer was not used: it
 * answers {@code If-Modified-Since} by itself (before the download is judged) and adds caching
 * headers a download link must not have; {@link InputStreamByteBody} is what it uses underneath,
 * and it reads on the blocking pool with back-pressure, so memory stays flat for a 2 GB file.
 */
@Singleton
final class StreamingBodyWriter implements ResponseBodyWriter<StreamingBody> {

    private final ExecutorService blocking;

    StreamingBodyWriter(@Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.blocking = blocking;
    }

    @Override
    public CloseableByteBody writePiece(ByteBodyFactory bodyFactory, HttpRequest<?> request, HttpResponse<?> response,
                                        Argument<StreamingBody> type, MediaType mediaType, StreamingBody body) {
        return InputStreamByteBody.create(body.stream(), body.length(), blocking, bodyFactory);
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
