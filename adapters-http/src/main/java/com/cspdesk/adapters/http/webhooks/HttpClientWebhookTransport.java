package com.cspdesk.adapters.http.webhooks;

import com.cspdesk.application.webhooks.port.out.WebhookTransport;
import com.cspdesk.domain.webhooks.WebhookDestinationPolicy;
import com.cspdesk.domain.webhooks.WebhookDestinationPolicy.Checked;
import com.cspdesk.domain.webhooks.WebhookDestinationPolicy.Destination;
import com.cspdesk.domain.webhooks.WebhookDestinationPolicy.Problem;
import com.cspdesk.domain.webhooks.WebhookDestinationPolicy.Refused;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.MalformedChunkCodingException;
import org.apache.hc.core5.http.MessageConstraintException;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultHttpResponseParserFactory;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.io.ModalCloseable;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A webhook delivery attempt with Apache HttpClient 5 (classic, blocking: the lead calls it from a few
 * threads, the pool holds a connection for each). The URL is judged by the destination policy before
 * anything is sent, and every address the client connects to comes from {@link DestinationAddressResolver},
 * which refuses a forbidden one: the check happens at connect time, on the addresses actually used.
 *
 * <p>Bounds: the name lookup and the connection (and TLS handshake), each wait for the answer, and the
 * whole attempt, which a timer cancels when it outlasts its bound; the answer's head (line length,
 * header count) and at most {@value #MAX_BODY_READ} bytes of its body, read and thrown away (only the
 * status counts). No redirect is followed, no request is retried, no cookie or authentication state is
 * kept, no proxy is used (a proxy would resolve the name itself, past the check).
 */
@Singleton
final class HttpClientWebhookTransport implements WebhookTransport, AutoCloseable {

    static final int MAX_BODY_READ = 16 * 1024;
    private static final int MAX_HEAD_LINE = 8 * 1024;
    private static final int MAX_HEADER_COUNT = 100;
    private static final int MAX_CONNECTIONS = 20;
    private static final String CONTENT_TYPE = "application/json; charset=utf-8";
    private static final String USER_AGENT = "CSP-Software-Desk-Webhooks/1";

    private final WebhookDestinationPolicy policy;
    private final Duration attemptTimeout;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    /** Made on the first attempt ({@link #client()}), not at start-up: most starts deliver nothing at once (issue #18). */
    private volatile CloseableHttpClient client;
    private boolean closed;
    private final ScheduledThreadPoolExecutor deadlines;
    private final DestinationAddressResolver.Lookup lookup;

    @Inject
    HttpClientWebhookTransport(WebhookDestinationPolicy policy,
                               @Value("${cspdesk.webhooks.delivery.connect-timeout:5s}") Duration connectTimeout,
                               @Value("${cspdesk.webhooks.delivery.response-timeout:10s}") Duration responseTimeout,
                               @Value("${cspdesk.webhooks.delivery.attempt-timeout:15s}") Duration attemptTimeout) {
        this(policy, connectTimeout, responseTimeout, attemptTimeout,
                new BoundedLookup(InetAddress::getAllByName, connectTimeout));
    }

    HttpClientWebhookTransport(WebhookDestinationPolicy policy, Duration connectTimeout, Duration responseTimeout,
                               Duration attemptTimeout, DestinationAddressResolver.Lookup lookup) {
        this.policy = policy;
        this.attemptTimeout = attemptTimeout;
        this.lookup = lookup;
        this.connectTimeout = connectTimeout;
        this.responseTimeout = responseTimeout;
        this.deadlines = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = Executors.defaultThreadFactory().newThread(runnable);
            thread.setName("webhook-attempt-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        this.deadlines.setRemoveOnCancelPolicy(true);
    }

    private CloseableHttpClient client() {
        CloseableHttpClient made = client;
        if (made == null) {
            synchronized (this) {
                if (closed) {
                    throw new IllegalStateException("the webhook transport is closed");
                }
                made = client;
                if (made == null) {
                    made = newClient();
                    client = made;
                }
            }
        }
        return made;
    }

    private CloseableHttpClient newClient() {
        Timeout connect = Timeout.of(connectTimeout);
        Timeout response = Timeout.of(responseTimeout);
        Http1Config head = Http1Config.custom()
                .setMaxLineLength(MAX_HEAD_LINE)
                .setMaxHeaderCount(MAX_HEADER_COUNT)
                .build();
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new DestinationAddressResolver(policy, lookup))
                        .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                                .http1Config(head)
                                // The core's strict parser: the client's lenient one skips lines that are
                                // not a status line, so an answer that is not HTTP would only time out.
                                .responseParserFactory(new DefaultHttpResponseParserFactory(head))
                                .build())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connect)
                                .setSocketTimeout(response)
                                // A kept connection is not used past this: the name is resolved (and judged) again.
                                .setTimeToLive(TimeValue.ofMinutes(1))
                                .build())
                        .setDefaultTlsConfig(TlsConfig.custom().setHandshakeTimeout(connect).build())
                        .setMaxConnTotal(MAX_CONNECTIONS)
                        .setMaxConnPerRoute(MAX_CONNECTIONS)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(connect)
                        .setResponseTimeout(response)
                        .setRedirectsEnabled(false)
                        .setAuthenticationEnabled(false)
                        .setContentCompressionEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableConnectionState()
                .disableContentCompression()
                .disableDefaultUserAgent()
                .evictExpiredConnections()
                .build();
    }

    @Override
    public Outcome post(URI url, Map<String, String> headers, String body) {
        long start = System.nanoTime();
        Checked checked = policy.check(url == null ? null : url.toString());
        if (checked instanceof Refused) {
            Problem problem = ((Refused) checked).problem();
            return new Failed(problem == Problem.UNRESOLVABLE ? Failure.UNRESOLVABLE : Failure.ADDRESS_NOT_ALLOWED,
                    "destination refused: " + problem, since(start));
        }
        HttpPost request = new HttpPost(((Destination) checked).uri());
        if (headers != null) {
            headers.forEach(request::setHeader);
        }
        request.setHeader("Content-Type", CONTENT_TYPE);
        request.setHeader("User-Agent", USER_AGENT);
        request.setEntity(new ByteArrayEntity((body == null ? "" : body).getBytes(StandardCharsets.UTF_8), null));

        AtomicBoolean deadlinePassed = new AtomicBoolean();
        ScheduledFuture<?> deadline = null;
        try {
            deadline = deadlines.schedule(() -> {
                deadlinePassed.set(true);
                request.cancel();
            }, attemptTimeout.toNanos(), TimeUnit.NANOSECONDS);
            ClassicHttpResponse response = client().executeOpen(null, request, null);
            boolean ended = false;
            try {
                int status = response.getCode();
                ended = readBounded(response.getEntity());
                return new Answered(status, since(start));
            } finally {
                if (ended) {
                    response.close();
                } else {
                    dropConnection(request, response);
                }
            }
        } catch (IOException | RuntimeException e) {
            Failure failure = deadlinePassed.get() ? Failure.TIMED_OUT : failureOf(e);
            return new Failed(failure, detailOf(e), since(start));
        } finally {
            if (deadline != null) {
                deadline.cancel(false);
            }
        }
    }

    /**
     * Closes without reading the rest: a graceful close would drain the body (or fail on the cut
     * connection), the very thing the bound is there to avoid.
     */
    private static void dropConnection(HttpPost request, ClassicHttpResponse response) {
        if (response instanceof ModalCloseable) {
            ((ModalCloseable) response).close(CloseMode.IMMEDIATE);
        } else {
            request.cancel();
        }
    }

    /** Reads and discards the answer's body up to the bound; true when it ended within it. */
    private static boolean readBounded(HttpEntity entity) throws IOException {
        if (entity == null) {
            return true;
        }
        InputStream content = entity.getContent();
        if (content == null) {
            return true;
        }
        byte[] buffer = new byte[4096];
        int total = 0;
        while (total <= MAX_BODY_READ) {
            int read = content.read(buffer, 0, Math.min(buffer.length, MAX_BODY_READ + 1 - total));
            if (read < 0) {
                return true;
            }
            total += read;
        }
        return false;
    }

    static Failure failureOf(Throwable e) {
        if (e instanceof DestinationAddressResolver.NoAddress) {
            return ((DestinationAddressResolver.NoAddress) e).failure();
        }
        if (e instanceof UnknownHostException) {
            return Failure.UNRESOLVABLE;
        }
        if (e instanceof SSLException) {
            return Failure.TLS_FAILED;
        }
        if (e instanceof InterruptedIOException) {
            // SocketTimeoutException, ConnectTimeoutException, the pool's lease timeout.
            return Failure.TIMED_OUT;
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return Failure.CONNECTION_FAILED;
        }
        if (e instanceof MessageConstraintException || e instanceof MalformedChunkCodingException
                || e.getCause() instanceof HttpException) {
            // Head over the bounds, broken chunking, not HTTP (ClientProtocolException wraps a ProtocolException).
            return Failure.INVALID_RESPONSE;
        }
        return Failure.CONNECTION_FAILED;
    }

    /** The exception's kind and message: neither carries a header or the body. */
    static String detailOf(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @PreDestroy
    @Override
    public void close() {
        deadlines.shutdownNow();
        CloseableHttpClient made;
        synchronized (this) {
            closed = true;
            made = client;
        }
        if (made != null) {
            made.close(CloseMode.IMMEDIATE);
        }
        if (lookup instanceof AutoCloseable) {
            try {
                ((AutoCloseable) lookup).close();
            } catch (Exception e) {
                // closing at shutdown: nothing left to do with it
            }
        }
    }
}
