package com.cspdesk.adapters.web.downloads;

import com.cspdesk.adapters.web.apidoc.ApiDoc;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.cspdesk.adapters.web.problem.Problems;
import com.cspdesk.application.software.port.in.DownloadSoftware;
import com.cspdesk.application.software.port.in.DownloadableFile;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Head;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * api.md "Software": {@code GET /downloads/{token}} serves the bits of a download link. Anonymous
 * on purpose: the link is the credential, like a signed URL, so it can be handed to the person who
 * installs the software. Refused links (unknown or tampered 404; expired, exhausted or revoked
 * 410) get problem+json, or a page saying what happened and what to do when a browser opens them,
 * and never a byte of the file.
 *
 * <p>Counting: a GET that starts at the first byte (no {@code Range}, or one that starts at 0) is
 * one download and uses a file's worth of the link's bytes; a range starting later is not a
 * download but uses its own bytes (DownloadLinkPolicy's byte allowance), so no range is served
 * after the 50th download. Each is in the activity log with its range and bytes. {@code HEAD} is
 * judged as the GET would be and records nothing; a {@code 304}
 * and a {@code 416} send no bits and record nothing. The link's file is looked up first, without
 * recording, so a conditional or unsatisfiable request never uses up a download.
 *
 * <p>Ranges: one range ({@code bytes=a-b}, {@code bytes=a-}, {@code bytes=-n}) is answered with
 * 206; several ranges are ignored and the whole file is sent (200), as RFC 9110 §14.2 allows.
 *
 * <p>The bits of a plain local file go out zero-copy ({@code sendfile}, {@link FileRegionHandler})
 * on a connection without TLS; otherwise they are read as a stream ({@link DownloadBodyWriter}).
 */
@Controller(DownloadUris.PATH)
@Tag(name = "downloads")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class DownloadsController {

    /** Anything else cannot be a token of ours: refused before any lookup. */
    private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_.-]{1,200}");
    static final String CACHE_CONTROL = "private, no-store";

    private final DownloadSoftware downloads;
    private final Problems problems;
    private final RefusedLinkPages pages;

    DownloadsController(DownloadSoftware downloads, Problems problems, RefusedLinkPages pages) {
        this.downloads = downloads;
        this.problems = problems;
        this.pages = pages;
    }

    @Operation(summary = "Downloads the file of a download link (the token is the credential; Range and If-None-Match work)")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "206", description = "The asked Range", content = @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "304", description = "Not modified (If-None-Match)")
    @ApiResponse(responseCode = "404", ref = ApiDoc.DOWNLOAD_LINK_NOT_FOUND)
    @ApiResponse(responseCode = "410", ref = ApiDoc.DOWNLOAD_LINK_GONE)
    @ApiResponse(responseCode = "416", ref = ApiDoc.RANGE_NOT_SATISFIABLE)
    @ApiResponse(responseCode = "503", ref = ApiDoc.SERVICE_UNAVAILABLE)
    @Get(uri = "/{token}", headRoute = false, produces = MediaType.ALL)
    HttpResponse<?> download(HttpRequest<?> request, @PathVariable String token) {
        return answer(request, token, false);
    }

    @Operation(summary = "The file's size, type and ETag, without its bits (no download is counted)")
    @ApiResponse(responseCode = "200", description = "The file's headers")
    @ApiResponse(responseCode = "304", description = "Not modified (If-None-Match)")
    @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
    @ApiResponse(responseCode = "410", ref = ApiDoc.GONE)
    @ApiResponse(responseCode = "503", ref = ApiDoc.SERVICE_UNAVAILABLE)
    @Head("/{token}")
    @Produces(MediaType.ALL)
    HttpResponse<?> head(HttpRequest<?> request, @PathVariable String token) {
        return answer(request, token, true);
    }

    private HttpResponse<?> answer(HttpRequest<?> request, String token, boolean headOnly) {
        if (token == null || !TOKEN_SHAPE.matcher(token).matches()) {
            return refused(request, "link_invalid", headOnly);
        }
        DownloadSoftware.DownloadResult judged = downloads.open(token, DownloadSoftware.Use.look());
        if (judged instanceof DownloadSoftware.Refused refusal) {
            return refused(request, refusal.reason(), headOnly);
        }
        DownloadableFile file = ((DownloadSoftware.Granted) judged).file();
        long size = file.sizeBytes();
        String sha256 = file.sha256();
        String etag = EntityTags.of(sha256);

        if (EntityTags.noneMatchHits(request.getHeaders().get(HttpHeaders.IF_NONE_MATCH), etag)) {
            MutableHttpResponse<?> notModified = HttpResponse.notModified();
            notModified.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
            return notModified;
        }
        String rangeHeader = request.getHeaders().get(HttpHeaders.RANGE);
        ByteRange range = rangeHeader != null && EntityTags.rangeStillValid(request.getHeaders().get(HttpHeaders.IF_RANGE), etag)
                ? ByteRange.of(rangeHeader, size) : new ByteRange.Whole();
        if (range instanceof ByteRange.Unsatisfiable) {
            MutableHttpResponse<?> unsatisfiable = problems.respond(request, HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
                    "range_not_satisfiable", String.valueOf(size));
            return unsatisfiable.header(HttpHeaders.CONTENT_RANGE, "bytes */" + size)
                    .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                    .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        }
        long first = range instanceof ByteRange.Part part ? part.first() : 0;
        long length = range instanceof ByteRange.Part part ? part.length() : size;

        MutableHttpResponse<Object> response = HttpResponse.status(range instanceof ByteRange.Part ? HttpStatus.PARTIAL_CONTENT : HttpStatus.OK);
        // Judged now for what this request sends (recorded, and a download from the first byte); a
        // HEAD is judged the same way and records nothing. The link may just have run out.
        DownloadSoftware.DownloadResult served = downloads.open(token,
                headOnly ? DownloadSoftware.Use.ask(first, length) : DownloadSoftware.Use.send(first, length));
        if (served instanceof DownloadSoftware.Refused refusal) {
            return refused(request, refusal.reason(), headOnly);
        }
        file = ((DownloadSoftware.Granted) served).file();
        response.contentType(MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .header(HttpHeaders.ETAG, etag)
                .header("Repr-Digest", "sha-256=:" + base64(sha256) + ":")
                .header("Digest", "sha-256=" + base64(sha256))
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(file.fileName()))
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .header("X-Content-Type-Options", "nosniff");
        if (range instanceof ByteRange.Part part) {
            response.header(HttpHeaders.CONTENT_RANGE, "bytes " + part.first() + "-" + part.last() + "/" + size);
        }
        if (headOnly) {
            return response.header(HttpHeaders.CONTENT_LENGTH, String.valueOf(length));
        }
        DownloadableFile bits = file;
        return response.body(new DownloadBody(bits.localPath(), first, length,
                () -> new BoundedInputStream(bits.openAt(first), length)));
    }

    /**
     * A refused link: problem+json for API clients, as always; a page in the reader's language (the
     * dashboard's language cookie, else Accept-Language) for a browser, which asks for HTML before JSON
     * (issue #17 item 7), with the same status. Both vary on Accept.
     */
    private MutableHttpResponse<?> refused(HttpRequest<?> request, String reason, boolean headOnly) {
        String code = reason == null ? "link_invalid" : reason;
        HttpStatus status = switch (code) {
            case "link_expired", "link_exhausted", "link_revoked" -> HttpStatus.GONE;
            default -> HttpStatus.NOT_FOUND;
        };
        if (status == HttpStatus.NOT_FOUND) {
            code = "link_invalid";
        }
        MutableHttpResponse<?> response;
        if (!headOnly && prefersHtml(request.getHeaders().get(HttpHeaders.ACCEPT))) {
            response = pages.page(request, status, code);
        } else {
            response = problems.respond(request, status, code);
        }
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store").header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
    }

    /**
     * Whether an {@code Accept} header names HTML (text/html or application/xhtml+xml) with a quality above
     * zero and at least that of JSON (application/json, application/problem+json). A wildcard alone
     * ({@code *}{@code /*}, as curl and most API clients send) or no header is not a browser: JSON, as before.
     */
    static boolean prefersHtml(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        double html = 0;
        double json = 0;
        for (String part : accept.split(",")) {
            String[] pieces = part.split(";");
            String type = pieces[0].strip().toLowerCase(Locale.ROOT);
            double quality = 1;
            for (int i = 1; i < pieces.length; i++) {
                String parameter = pieces[i].strip();
                if (parameter.startsWith("q=") || parameter.startsWith("Q=")) {
                    try {
                        quality = Double.parseDouble(parameter.substring(2).strip());
                    } catch (NumberFormatException notANumber) {
                        quality = 0;
                    }
                }
            }
            if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
                html = Math.max(html, quality);
            } else if (type.equals("application/json") || type.equals("application/problem+json")) {
                json = Math.max(json, quality);
            }
        }
        return html > 0 && html >= json;
    }

    /** The file's SHA-256 (hex, as stored) in base64, as RFC 9530 digests carry it. */
    static String base64(String sha256Hex) {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256Hex));
    }

    /**
     * {@code attachment; filename="…"} with an ASCII-only, quote-safe name, plus RFC 8187's
     * {@code filename*} when the real name has other characters.
     */
    static String contentDisposition(String fileName) {
        StringBuilder ascii = new StringBuilder();
        for (char c : fileName.toCharArray()) {
            ascii.append(c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '/' || c == ';' ? '_' : c);
        }
        String header = "attachment; filename=\"" + ascii + "\"";
        if (!ascii.toString().equals(fileName)) {
            header += "; filename*=UTF-8''" + percentEncode(fileName);
        }
        return header;
    }

    private static String percentEncode(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
