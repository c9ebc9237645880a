package com.cspdesk.bootstrap.e2e;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request's OpenTelemetry trace (the caller's, when it sent a W3C traceparent) and span ids are
 * in its log lines beside the correlation id, on the blocking executor too; with
 * CSPDESK_LOG_FORMAT=json the product's logback.xml writes one JSON object a line carrying them,
 * and no secret.
 */
@MicronautTest(transactional = false)
class TraceContextInLogsTest extends EndToEnd {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT_SPAN_ID = "00f067aa0ba902b7";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-" + PARENT_SPAN_ID + "-01";

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();

    @AfterEach
    void release() {
        root().detachAppender(captured);
        captured.stop();
    }

    @Test
    void aCallersTraceparentIsContinuedAndItsTraceIdIsInTheRequestsLines() {
        capture();
        send("POST", "/login", null, Map.of("username", "nobody.traced", "password", "Wrong-Traced-Passw0rd"),
                "traceparent", TRACEPARENT, "MS-CorrelationId", "traced-1");

        ILoggingEvent refused = signInRefused("traced-1");
        // Logged by the controller on the blocking executor, not on the event loop that read the request.
        assertThat(refused.getThreadName()).doesNotContain("EventLoop");
        Map<String, String> mdc = refused.getMDCPropertyMap();
        assertThat(mdc).containsEntry("traceId", TRACE_ID);
        // The server's own span, a child of the caller's.
        assertThat(mdc.get("spanId")).matches("[0-9a-f]{16}").isNotEqualTo(PARENT_SPAN_ID).isNotEqualTo("0000000000000000");
    }

    @Test
    void withoutTraceparentEachRequestStartsAFreshTrace() {
        capture();
        send("POST", "/login", null, Map.of("username", "nobody.fresh", "password", "Wrong-Fresh-Passw0rd"),
                "MS-CorrelationId", "fresh-1");
        send("POST", "/login", null, Map.of("username", "nobody.fresh", "password", "Wrong-Fresh-Passw0rd"),
                "MS-CorrelationId", "fresh-2");

        String first = signInRefused("fresh-1").getMDCPropertyMap().get("traceId");
        String second = signInRefused("fresh-2").getMDCPropertyMap().get("traceId");
        assertThat(first).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32)).isNotEqualTo(TRACE_ID);
        assertThat(second).matches("[0-9a-f]{32}").isNotEqualTo(first);
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonLinesParseCarryTheIdsAndNoSecret() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String token;
        String wrongPassword = "Wrong-Json-Passw0rd";
        try {
            configureProductLogging("json");
            // As SecretsStayOutOfLogsTest: everything at DEBUG, so the pinned loggers are what keeps secrets out.
            root().setLevel(Level.DEBUG);
            OutputStreamAppender<ILoggingEvent> console = (OutputStreamAppender<ILoggingEvent>) root().getAppender("STDOUT");
            assertThat(console.getEncoder()).as("CSPDESK_LOG_FORMAT=json selects the JSON encoder").isInstanceOf(JsonEncoder.class);
            console.setOutputStream(out);

            send("POST", "/login", null, Map.of("username", ADMIN, "password", wrongPassword),
                    "traceparent", TRACEPARENT, "MS-CorrelationId", "json-1");
            token = login(ADMIN, ADMIN_PASSWORD);
            send("GET", "/v1/users", token, null, "MS-CorrelationId", "json-2");
        } finally {
            restoreTestLogging();
        }

        String written = out.toString(StandardCharsets.UTF_8);
        assertThat(written).doesNotContain(ADMIN_PASSWORD, wrongPassword, token, JWT_SECRET, "$argon2id$");
        List<JsonNode> lines = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        for (String line : written.split("\n")) {
            if (!line.isBlank()) {
                lines.add(mapper.readTree(line));
            }
        }
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line.isObject()).isTrue());
        JsonNode refused = lines.stream()
                .filter(line -> line.path("mdc").path("correlationId").asText().equals("json-1"))
                .filter(line -> line.path("formattedMessage").asText().startsWith("Sign-in refused"))
                .findFirst().orElseThrow();
        assertThat(refused.path("level").asText()).isEqualTo("INFO");
        assertThat(refused.path("mdc").path("traceId").asText()).isEqualTo(TRACE_ID);
        assertThat(refused.path("mdc").path("spanId").asText()).matches("[0-9a-f]{16}");
        // Every line of a request, to the last one written about it (its answer's body and status), has the ids.
        assertThat(lines).filteredOn(line -> line.path("mdc").path("correlationId").asText().equals("json-1"))
                .allSatisfy(line -> assertThat(line.path("mdc").path("traceId").asText()).isEqualTo(TRACE_ID));
        assertThat(lines).filteredOn(line -> line.path("mdc").path("correlationId").asText().equals("json-2"))
                .anySatisfy(line -> assertThat(line.path("formattedMessage").asText()).startsWith("Response 200"))
                .allSatisfy(line -> {
                    assertThat(line.path("mdc").path("traceId").asText()).matches("[0-9a-f]{32}").isNotEqualTo(TRACE_ID);
                    assertThat(line.path("mdc").path("spanId").asText()).matches("[0-9a-f]{16}");
                });
    }

    private void capture() {
        captured.start();
        root().addAppender(captured);
    }

    private ILoggingEvent signInRefused(String correlationId) {
        List<ILoggingEvent> logged;
        // A copy taken under the appender's lock: background threads log on.
        synchronized (captured) {
            logged = List.copyOf(captured.list);
        }
        return logged.stream()
                .filter(event -> correlationId.equals(event.getMDCPropertyMap().get("correlationId")))
                .filter(event -> event.getFormattedMessage().startsWith("Sign-in refused"))
                .findFirst().orElseThrow(() -> new AssertionError("no sign-in refusal logged for " + correlationId));
    }

    private Logger root() {
        return logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /** The product's own logback.xml (not logback-test.xml), as CSPDESK_LOG_FORMAT would choose it. */
    private void configureProductLogging(String format) throws JoranException {
        URL product = getClass().getClassLoader().getResource("logback.xml");
        assertThat(product).isNotNull();
        logging.reset();
        logging.putProperty("CSPDESK_LOG_FORMAT", format);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(logging);
        configurator.doConfigure(product);
    }

    private void restoreTestLogging() throws JoranException {
        logging.reset();
        new ContextInitializer(logging).autoConfig();
    }
}
