package com.cspdesk.adapters.web.api;

import com.cspdesk.adapters.web.downloads.StreamingBody;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * A CSV export of any size, streamed: the caller has checked the request (a refusal is still a problem
 * answer); the rows are written on another thread as they are read, through a bounded {@link ChunkPipe},
 * so an export never sits in memory whole, and a failure mid-way breaks the download instead of ending
 * it early. The request's log context (its correlation id) goes with the writing thread.
 */
public final class CsvExports {

    private static final Logger LOG = LoggerFactory.getLogger(CsvExports.class);

    /** Writes the rows into the writer; an {@link IOException} means the client went away. */
    @FunctionalInterface
    public interface Rows {
        void writeTo(Writer writer) throws IOException;
    }

    private CsvExports() {
    }

    /** {@code what} names the export in the log ("Activity log export failed"). */
    public static HttpResponse<?> stream(Executor blocking, String what, String fileName, Rows rows) {
        ChunkPipe pipe = new ChunkPipe();
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        blocking.execute(() -> {
            if (mdc != null) {
                MDC.setContextMap(mdc);
            }
            try (Writer writer = new OutputStreamWriter(pipe.sink(), StandardCharsets.UTF_8)) {
                rows.writeTo(writer);
            } catch (RuntimeException | IOException | Error e) {
                pipe.fail(e);
                if (e instanceof UncheckedIOException || e instanceof IOException) {
                    LOG.debug("{} export stopped: the client went away", what);
                } else {
                    LOG.warn("{} export failed", what, e);
                }
            } finally {
                MDC.clear();
            }
        });
        return HttpResponse.ok(StreamingBody.chunked(pipe.source()))
                .contentType(CsvRequests.CSV_UTF8)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Content-Type-Options", "nosniff");
    }
}
