package com.cspdesk.bootstrap.e2e;

import com.cspdesk.bootstrap.e2e.SoftwareEndToEndTest.Purchases;
import com.cspdesk.bootstrap.e2e.SoftwareEndToEndTest.Purchases.Download;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * api.md "Software": {@code GET /downloads/{token}}. The link is the only credential; the bits
 * stream with Range support, the SHA-256 as ETag and digest; a first-byte GET counts as one of
 * the link's 50 downloads (HEAD, resumes, 304 and 416 count nothing); tampered or garbage tokens
 * are 404 problem+json, never the bits and never a 500. The sandbox clock stands still here, so a
 * link's expiry is checked to the instant.
 */
@MicronautTest(transactional = false)
class DownloadsEndToEndTest extends EndToEnd {

    private static final String ISO = "SQLServer2019-x64-ENU.iso";
    /** SHA-256 of 2 GiB + 7 zero bytes. */
    private static final String ZEROS_SHA256 = "4faf054bcce4f3f1718586ceb36106e28a780ea261ba3c7fc1c8519d048f9b2f";

    private final Purchases shop = new Purchases(this);
    private String agent;
    private String tenant;
    private String sql;
    private byte[] iso;
    private byte[] iso2017;

    @Override
    public Map<String, String> getProperties() {
        return shop.withStore(super.getProperties());
    }

    @Override
    boolean clockStandsStill() {
        return true;
    }

    @BeforeAll
    void buySqlServerAndStoreItsFiles() {
        agent = loginDemo("admin.agent@partner.demo");
        tenant = shop.createCustomer(agent, "Downloads Kft.", "HU");
        shop.buy(agent, tenant, Purchases.SQL_SERVER_2022_STANDARD, "HU");
        sql = shop.softwareId(agent, tenant, Purchases.SQL_SERVER_2022_STANDARD);
        iso = shop.file(Purchases.SQL_SERVER_2022_STANDARD, "2019", "en-US", "x64", ISO, 1_000_003);
        iso2017 = shop.file(Purchases.SQL_SERVER_2022_STANDARD, "2017", "en-US", "x64", "SQLServer2017-x64-ENU.iso", 1024);
    }

    @AfterAll
    void deleteFiles() {
        shop.deleteStore();
    }

    @Test
    void aLinkDownloadsTheWholeFileAndResumesFromAnOffset() throws Exception {
        Instant now = Instant.parse((String) send("GET", "/v1/test/clock", agent, null).json().get("now"));
        Answer created = link("2019", "en-US");
        Map<String, Object> link = created.json();
        String uri = (String) link.get("uri");
        assertThat(uri).startsWith(server.getURL() + "/downloads/");
        assertThat(link).containsEntry("downloadsRemaining", 50).containsEntry("fileName", ISO)
                .containsEntry("sizeBytes", iso.length).containsEntry("sha256", Purchases.sha256(iso));
        Instant expiresAt = Instant.parse((String) link.get("expiresAt"));
        assertThat(expiresAt).as("14 days after it was made").isEqualTo(now.plus(Duration.ofDays(14)));

        Download whole = shop.fetch("GET", uri);
        assertThat(whole.status()).as(whole.toString()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(iso);
        assertThat(Purchases.sha256(whole.body())).isEqualTo(link.get("sha256"));
        String sha = Purchases.sha256(iso);
        String base64 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha));
        assertThat(whole.header("Content-Length")).isEqualTo(String.valueOf(iso.length));
        assertThat(whole.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(whole.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(whole.header("ETag")).isEqualTo("\"" + sha + "\"");
        assertThat(whole.header("Repr-Digest")).isEqualTo("sha-256=:" + base64 + ":");
        assertThat(whole.header("Digest")).isEqualTo("sha-256=" + base64);
        assertThat(whole.header("Content-Disposition")).isEqualTo("attachment; filename=\"" + ISO + "\"");
        assertThat(whole.header("Cache-Control")).isEqualTo("private, no-store");
        assertThat(whole.header("Content-Range")).isNull();

        Download resumed = shop.fetch("GET", uri, "Range", "bytes=100-");
        assertThat(resumed.status()).isEqualTo(206);
        assertThat(resumed.header("Content-Range")).isEqualTo("bytes 100-" + (iso.length - 1) + "/" + iso.length);
        assertThat(resumed.header("Content-Length")).isEqualTo(String.valueOf(iso.length - 100));
        assertThat(resumed.header("ETag")).isEqualTo(whole.header("ETag"));
        assertThat(resumed.body()).isEqualTo(Arrays.copyOfRange(iso, 100, iso.length));

        Download middle = shop.fetch("GET", uri, "Range", "bytes=500000-500099");
        assertThat(middle.status()).isEqualTo(206);
        assertThat(middle.header("Content-Range")).isEqualTo("bytes 500000-500099/" + iso.length);
        assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(iso, 500_000, 500_100));

        Download tail = shop.fetch("GET", uri, "Range", "bytes=-10");
        assertThat(tail.status()).isEqualTo(206);
        assertThat(tail.header("Content-Range")).isEqualTo("bytes " + (iso.length - 10) + "-" + (iso.length - 1) + "/" + iso.length);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(iso, iso.length - 10, iso.length));

        Download severalRanges = shop.fetch("GET", uri, "Range", "bytes=0-9,20-29");
        assertThat(severalRanges.status()).as("several ranges: the whole file").isEqualTo(200);
        assertThat(severalRanges.body()).isEqualTo(iso);

        Download anyAccept = shop.fetch("GET", uri, "Accept", "application/json", "Range", "bytes=0-0");
        assertThat(anyAccept.status()).isEqualTo(206);
        assertThat(anyAccept.body()).containsExactly(iso[0]);
    }

    @Test
    void aRangeBeyondTheEndIs416AndConditionalRequestsAreAnswered() {
        String uri = (String) link("2019", "en-US").json().get("uri");
        String etag = "\"" + Purchases.sha256(iso) + "\"";

        Download unsatisfiable = shop.fetch("GET", uri, "Range", "bytes=" + iso.length + "-");
        assertThat(unsatisfiable.status()).isEqualTo(416);
        assertThat(unsatisfiable.header("Content-Range")).isEqualTo("bytes */" + iso.length);
        assertThat(unsatisfiable.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unsatisfiable.text()).contains("\"code\":\"range_not_satisfiable\"").contains(String.valueOf(iso.length));

        Download notModified = shop.fetch("GET", uri, "If-None-Match", etag);
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.header("ETag")).isEqualTo(etag);
        assertThat(shop.fetch("GET", uri, "If-None-Match", "W/" + etag + ", \"other\"").status()).isEqualTo(304);

        Download changed = shop.fetch("GET", uri, "If-None-Match", "\"something-else\"");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body()).isEqualTo(iso);

        Download staleRange = shop.fetch("GET", uri, "Range", "bytes=100-", "If-Range", "\"an-older-file\"");
        assertThat(staleRange.status()).as("If-Range does not match: the whole file").isEqualTo(200);
        assertThat(staleRange.body()).isEqualTo(iso);
        Download sameFile = shop.fetch("GET", uri, "Range", "bytes=100-", "If-Range", etag);
        assertThat(sameFile.status()).isEqualTo(206);
        assertThat(sameFile.body()).isEqualTo(Arrays.copyOfRange(iso, 100, iso.length));

        Download head = shop.fetch("HEAD", uri);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(iso.length));
        assertThat(head.header("ETag")).isEqualTo(etag);
        assertThat(head.header("Accept-Ranges")).isEqualTo("bytes");
        Download headOfRange = shop.fetch("HEAD", uri, "Range", "bytes=10-19");
        assertThat(headOfRange.status()).isEqualTo(206);
        assertThat(headOfRange.header("Content-Range")).isEqualTo("bytes 10-19/" + iso.length);
    }

    /**
     * 50 downloads from the first byte succeed and the 51st is 410. HEAD, 304 and 416 in between
     * send nothing and count nothing. #13: after the 50th, not one more range is served either (it
     * used to serve 49 more near-whole copies as ranges).
     */
    @Test
    void theFiftyFirstDownloadOfALinkIsRefusedAndSoIsEveryRangeAfterTheFiftieth() {
        String uri = (String) link("2017", "en-US").json().get("uri");
        for (int i = 1; i <= 50; i++) {
            Download download = shop.fetch("GET", uri);
            assertThat(download.status()).as("download " + i + ": " + download).isEqualTo(200);
            assertThat(download.body()).hasSize(1024);
            if (i % 10 == 0) {
                assertThat(shop.fetch("HEAD", uri).status()).isEqualTo(i < 50 ? 200 : 410);
                assertThat(shop.fetch("GET", uri, "If-None-Match", download.header("ETag")).status()).isEqualTo(304);
                assertThat(shop.fetch("GET", uri, "Range", "bytes=5000-").status()).isEqualTo(416);
            }
        }
        Download refused = shop.fetch("GET", uri);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(410);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.text()).contains("\"code\":\"link_exhausted\"");
        assertThat(refused.body().length).isLessThan(1024);
        assertThat(shop.fetch("GET", uri, "Range", "bytes=0-10").status()).as("a range from 0 is a download too").isEqualTo(410);
        assertThat(shop.fetch("HEAD", uri).status()).as("HEAD answers as the GET would").isEqualTo(410);
        for (String range : List.of("bytes=1-", "bytes=512-", "bytes=1023-", "bytes=-1", "bytes=100-199")) {
            Download part = shop.fetch("GET", uri, "Range", range);
            assertThat(part.status()).as(range + " after the 50th download: " + part).isEqualTo(410);
            assertThat(part.text()).contains("\"code\":\"link_exhausted\"");
            assertThat(shop.fetch("HEAD", uri, "Range", range).status()).isEqualTo(410);
        }

        Download another = shop.fetch("GET", (String) link("2017", "en-US").json().get("uri"));
        assertThat(another.status()).as("a new link can be made at any time").isEqualTo(200);
    }

    /**
     * The byte allowance, over HTTP: 50 files' worth in all, a whole download a file's worth, a range
     * its bytes. Ranges that bring it to the last byte are served; one byte more is refused, and a
     * 50th whole download no longer fits.
     */
    @Test
    void everyServedRangeCountsItsBytesTowardTheLinksLimit() {
        String uri = (String) link("2017", "en-US").json().get("uri");
        for (int i = 1; i <= 48; i++) {
            assertThat(shop.fetch("GET", uri).status()).as("download " + i).isEqualTo(200);
        }
        // 48 files' worth used: 2,048 bytes left.
        assertThat(shop.fetch("GET", uri, "Range", "bytes=512-").status()).isEqualTo(206);
        assertThat(shop.fetch("GET", uri, "Range", "bytes=512-").status()).isEqualTo(206);
        assertThat(shop.fetch("GET", uri, "Range", "bytes=1-").status()).isEqualTo(206);
        assertThat(shop.fetch("GET", uri).status()).as("the 49th download: a file's worth no longer fits").isEqualTo(410);
        Download lastByte = shop.fetch("GET", uri, "Range", "bytes=1023-");
        assertThat(lastByte.status()).as("the last byte of the allowance").isEqualTo(206);
        assertThat(lastByte.body()).containsExactly(iso2017[1023]);
        Download oneMore = shop.fetch("GET", uri, "Range", "bytes=1023-");
        assertThat(oneMore.status()).as("one byte beyond it").isEqualTo(410);
        assertThat(oneMore.text()).contains("\"code\":\"link_exhausted\"");
    }

    /**
     * #13: without cspdesk.public-url the link's address must not follow a client's Host or
     * X-Forwarded-* headers (no trusted proxy here): it is the server's own address.
     */
    @Test
    void aForgedHostOrForwardedHostIsNotInTheLinksUri() throws Exception {
        String path = shop.softwareOf(tenant) + "/" + sql + "/downloadlinks";
        String body = "{\"version\":\"2019\",\"language\":\"en-US\",\"bitness\":\"x64\"}";
        for (String[] forged : List.of(new String[] {"Host", "evil.example"},
                new String[] {"X-Forwarded-Host", "evil.example"}, new String[] {"Forwarded", "host=evil.example;proto=https"},
                new String[] {"X-Forwarded-Proto", "https"})) {
            String answer = rawPost(path, body, forged[0], forged[1]);
            assertThat(answer).as(forged[0]).startsWith("HTTP/1.1 201");
            assertThat(answer).as(forged[0]).doesNotContain("evil.example").doesNotContain("https://")
                    .contains("\"uri\":\"" + server.getURL() + "/downloads/");
        }
    }

    /** A POST over a plain socket: java.net.http refuses to send a Host header of the caller's choice. */
    private String rawPost(String path, String body, String header, String value) throws Exception {
        byte[] json = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String host = header.equals("Host") ? value : "localhost:" + server.getPort();
        StringBuilder request = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\n")
                .append("Authorization: Bearer ").append(agent).append("\r\n")
                .append("Content-Type: application/json\r\nContent-Length: ").append(json.length).append("\r\n")
                .append("Connection: close\r\n");
        if (!header.equals("Host")) {
            request.append(header).append(": ").append(value).append("\r\n");
        }
        request.append("\r\n");
        try (java.net.Socket socket = new java.net.Socket("localhost", server.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().write(json);
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void aTamperedOrGarbageTokenIs404AndNeverTheBits() {
        String uri = (String) link("2019", "en-US").json().get("uri");
        String token = uri.substring(uri.lastIndexOf('/') + 1);
        int dot = token.indexOf('.');
        assertThat(dot).isPositive();
        for (int position : new int[]{0, dot - 1, dot + 1, token.length() - 1}) {
            char[] chars = token.toCharArray();
            chars[position] = chars[position] == 'A' ? 'B' : 'A';
            Download tampered = shop.fetch("GET", "/downloads/" + new String(chars));
            assertThat(tampered.status()).as("changed at " + position + ": " + tampered).isEqualTo(404);
            assertThat(tampered.header("Content-Type")).startsWith("application/problem+json");
            assertThat(tampered.text()).contains("\"code\":\"link_invalid\"");
            assertThat(tampered.body().length).isLessThan(2000);
        }
        for (String garbage : List.of("x", "x.y", token.substring(0, dot), token + "x", "a".repeat(500),
                "..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..%5C..%5Cwindows", "%00", "%C3%A9t%C3%A9",
                "%27%20OR%201%3D1--", "%3Cscript%3E")) {
            Download answer = shop.fetch("GET", "/downloads/" + garbage);
            assertThat(answer.status()).as(garbage + ": " + answer).isEqualTo(404);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(shop.fetch("HEAD", "/downloads/" + garbage).status()).as("HEAD " + garbage).isEqualTo(404);
        }
        for (String path : List.of("/downloads/", "/downloads/a/b", "/downloads/../v1/users")) {
            Download answer = shop.fetch("GET", path);
            assertThat(answer.status()).as(path + ": " + answer).isNotEqualTo(200).isLessThan(500);
        }
        // The untouched link still works.
        assertThat(shop.fetch("GET", uri).status()).isEqualTo(200);
    }

    @Test
    void aLinkNeedsTheFileOfThatChoice() {
        Answer noFile = send("POST", shop.softwareOf(tenant) + "/" + sql + "/downloadlinks", agent, Purchases.choice("2022", "ja-JP", "x64"));
        assertThat(noFile.status()).isEqualTo(404);
        assertThat(noFile.problemCode()).isEqualTo("software_file_unavailable");
    }

    /**
     * A file of several MiB in the local store goes out zero-copy (sendfile: the handler's debug
     * line says so) and arrives byte for byte, whole and as ranges: the SHA-256 of what came is that
     * of the file and of each slice. (A store that is no local file streams: MemoryEndToEndTest.)
     */
    @Test
    void aLocalFileGoesOutZeroCopyAndArrivesByteForByteWholeAndInRanges() throws Exception {
        byte[] big = shop.file(Purchases.SQL_SERVER_2022_STANDARD, "2019", "de-DE", "x64", "SQLServer2019-x64-DEU.iso",
                (8 << 20) + 13);
        String uri = (String) link("2019", "de-DE").json().get("uri");
        ListAppender<ILoggingEvent> regions = listenTo(FileRegionLog.LOGGER);
        try {
            Download whole = shop.fetch("GET", uri);
            assertThat(whole.status()).isEqualTo(200);
            assertThat(whole.header("Content-Length")).isEqualTo(String.valueOf(big.length));
            assertThat(whole.header("Transfer-Encoding")).isNull();
            assertThat(Purchases.sha256(whole.body())).isEqualTo(Purchases.sha256(big));

            Download part = shop.fetch("GET", uri, "Range", "bytes=1000001-5000000");
            assertThat(part.status()).isEqualTo(206);
            assertThat(part.header("Content-Length")).isEqualTo("4000000");
            assertThat(Purchases.sha256(part.body())).isEqualTo(Purchases.sha256(Arrays.copyOfRange(big, 1_000_001, 5_000_001)));

            Download tail = shop.fetch("GET", uri, "Range", "bytes=-1");
            assertThat(tail.body()).containsExactly(big[big.length - 1]);
            synchronized (regions) {
                assertThat(regions.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                        "A download's " + big.length + " bytes go out as a file region (sendfile)",
                        "A download's 4000000 bytes go out as a file region (sendfile)",
                        "A download's 1 bytes go out as a file region (sendfile)");
            }
        } finally {
            FileRegionLog.stop(regions);
        }
    }

    /**
     * A file beyond 2 GiB goes out: the headers and the first bytes arrive, the client hangs up
     * half-way, the product closes the file (no handle on it is left in this process, where the
     * product runs), and ranges near the end (offsets beyond 32 bits) still work. That the stream
     * path reads no more than the connection asks for is {@code StreamingBodyWriterTest}'s; how much
     * heap a 2 GiB download takes is measured by {@code bench/run-benchmarks}, beside its limit.
     */
    @Test
    void aTwoGigabyteFileStreamsAndItsEndIsReachableByRange() throws Exception {
        long size = (2L << 30) + 7;
        java.nio.file.Path file = shop.sparseFile(Purchases.SQL_SERVER_2022_STANDARD, "2022", "en-US", "x64",
                "SQLServer2022-x64-ENU.iso", size);
        // The store keeps a file's SHA-256 beside it; written here so the test does not hash 2 GiB first.
        java.nio.file.Files.writeString(file.resolveSibling(file.getFileName() + ".sha256"), ZEROS_SHA256);
        Map<String, Object> link = link("2022", "en-US").json();
        assertThat(((Number) link.get("sizeBytes")).longValue()).isEqualTo(size);
        assertThat(link).containsEntry("sha256", ZEROS_SHA256);
        String uri = (String) link.get("uri");

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create(uri))
                .timeout(Duration.ofMinutes(2)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).contains(String.valueOf(size));
        long received = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = response.body()) {
            int n;
            while (received < 64L * buffer.length && (n = in.read(buffer)) > 0) {
                received += n;
            }
        }
        assertThat(received).isGreaterThanOrEqualTo(64L * buffer.length).isLessThan(size);
        // The client went away: the send fails, and the file is closed. Bounded wait for that event
        // (the product only learns of the hang-up on its next write), not a pause that hopes.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (openHandlesOn(file) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(openHandlesOn(file)).as("handles on the file after the client hung up").isZero();

        Download tail = shop.fetch("GET", uri, "Range", "bytes=-16");
        assertThat(tail.status()).isEqualTo(206);
        assertThat(tail.header("Content-Range")).isEqualTo("bytes " + (size - 16) + "-" + (size - 1) + "/" + size);
        assertThat(tail.body()).hasSize(16).containsOnly(0);
        Download beyond32Bits = shop.fetch("GET", uri, "Range", "bytes=2147483648-2147483650");
        assertThat(beyond32Bits.status()).isEqualTo(206);
        assertThat(beyond32Bits.body()).hasSize(3);
        assertThat(shop.fetch("HEAD", uri).header("Content-Length")).isEqualTo(String.valueOf(size));
    }

    /** How many of this process's file descriptors are open on the file (Linux: /proc/self/fd). */
    private static long openHandlesOn(java.nio.file.Path file) throws java.io.IOException {
        java.nio.file.Path target = file.toRealPath();
        try (java.util.stream.Stream<java.nio.file.Path> fds = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return java.nio.file.Files.readSymbolicLink(fd).equals(target);
                } catch (java.io.IOException closedMeanwhile) {
                    return false;
                }
            }).count();
        }
    }

    private static ListAppender<ILoggingEvent> listenTo(String loggerName) {
        Logger logger = (Logger) LoggerFactory.getLogger(loggerName);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.setLevel(Level.DEBUG);
        logger.addAppender(appender);
        return appender;
    }

    /** The zero-copy handler's logger (package-private class of the web adapter, named here). */
    private static final class FileRegionLog {
        static final String LOGGER = "com.cspdesk.adapters.web.downloads.FileRegionHandler";

        static void stop(ListAppender<ILoggingEvent> appender) {
            Logger logger = (Logger) LoggerFactory.getLogger(LOGGER);
            logger.detachAppender(appender);
            logger.setLevel(null);
            appender.stop();
        }
    }

    private Answer link(String version, String language) {
        Answer created = send("POST", shop.softwareOf(tenant) + "/" + sql + "/downloadlinks", agent,
                Purchases.choice(version, language, "x64"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created;
    }
}
