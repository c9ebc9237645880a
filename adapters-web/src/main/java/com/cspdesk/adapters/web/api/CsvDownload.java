package com.cspdesk.adapters.web.api;

import com.cspdesk.adapters.web.downloads.StreamingBody;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * A collection as a CSV download (the activity log's export, the views across customers, the price sheet): the
 * rows are written on another thread as the use case hands them over, through a bounded {@link ChunkPipe}, so an
 * export of any size never sits in memory whole; a failure half-way makes the download fail rather than end early.
 * Cells are guarded against CSV (formula) injection as OWASP advises ({@link #safe}).
 */
@Singleton
public class CsvDownload {

    public static final String TEXT_CSV = "text/csv";
    private static final Logger LOG = LoggerFactory.getLogger(CsvDownload.class);
    private static final MediaType CSV_UTF8 = MediaType.of("text/csv; charset=UTF-8");

    private final ExecutorService blocking;

    public CsvDownload(@Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.blocking = blocking;
    }

    /** What writes the file: it may throw {@link UncheckedIOException} from inside a callback. */
    @FunctionalInterface
    public interface Export {
        void writeTo(Writer out) throws IOException;
    }

    /** The download of {@code fileName}; {@code what} names it in the log when it fails. */
    public HttpResponse<?> stream(String fileName, String what, Export export) {
        ChunkPipe pipe = new ChunkPipe();
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        blocking.execute(() -> {
            if (mdc != null) {
                MDC.setContextMap(mdc);
            }
            try {
                Writer writer = new OutputStreamWriter(pipe.sink(), StandardCharsets.UTF_8);
                export.writeTo(writer);
                writer.close();
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
                .contentType(CSV_UTF8)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Content-Type-Options", "nosniff");
    }

    /** {@code format=csv|json} decides; without it, {@code Accept: text/csv} (and no JSON) asks for CSV. Empty: unknown format. */
    public static Optional<Boolean> wantsCsv(HttpRequest<?> request, @Nullable String format) {
        if (format != null && !format.isBlank()) {
            String chosen = format.strip().toLowerCase(Locale.ROOT);
            return chosen.equals("csv") ? Optional.of(true) : chosen.equals("json") ? Optional.of(false) : Optional.empty();
        }
        List<MediaType> accepted = request.getHeaders().accept();
        boolean csv = accepted.stream().anyMatch(type -> type.getName().equalsIgnoreCase(TEXT_CSV));
        boolean jsonToo = accepted.stream().anyMatch(type -> type.getName().equalsIgnoreCase(MediaType.APPLICATION_JSON));
        return Optional.of(csv && !jsonToo);
    }

    /**
     * The cell as text a spreadsheet will not evaluate: one that starts with {@code =}, {@code +}, {@code -},
     * {@code @}, a tab or a carriage return is prefixed with {@code '}, so a customer name like
     * {@code =HYPERLINK(…)} stays text.
     */
    public static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + cell;
        }
        return cell;
    }

    /** RFC 4180 rows (CRLF, a header row written at once), every cell {@linkplain #safe made safe}. */
    public static final class Rows implements Closeable {

        private final CSVPrinter printer;

        public Rows(Writer out, List<String> header) throws IOException {
            this.printer = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).setRecordSeparator("\r\n")
                    .get().print(out);
        }

        /** One row; an {@link UncheckedIOException} when the download is gone (for use inside a callback). */
        public void write(List<String> cells) {
            try {
                printer.printRecord(cells.stream().map(CsvDownload::safe).toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            printer.close(true);
        }
    }
}
