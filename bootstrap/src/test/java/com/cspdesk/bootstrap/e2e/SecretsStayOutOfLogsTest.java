package com.cspdesk.bootstrap.e2e;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Passwords, hashes, tokens and the signing key never reach a log line, even at DEBUG. */
@MicronautTest(transactional = false)
class SecretsStayOutOfLogsTest extends EndToEnd {

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Logger root;
    private ch.qos.logback.classic.Level previous;

    @BeforeAll
    void capture() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        previous = root.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
        captured.start();
        root.addAppender(captured);
    }

    @AfterAll
    void release() {
        root.detachAppender(captured);
        root.setLevel(previous);
    }

    @Test
    void signingInAndManagingUsersLogsNoSecret() {
        String token = login(ADMIN, ADMIN_PASSWORD);
        send("POST", "/login", null, Map.of("username", ADMIN, "password", "Wrong-Secret-Passw0rd"));
        send("POST", "/v1/users", token, Map.of("username", "logged.user", "password", "Never-Logged-Passw0rd",
                "roles", List.of("SALES_AGENT")), "MS-RequestId", "log-check-1");
        send("POST", "/v1/users", token, Map.of("username", "weak.logged", "password", "weak", "roles", List.of("SALES_AGENT")));
        String userToken = login("logged.user", "Never-Logged-Passw0rd");
        send("GET", "/v1/users", userToken, null);

        String everything = String.join("\n", captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
        assertThat(captured.list).isNotEmpty();
        assertThat(everything).doesNotContain(ADMIN_PASSWORD, "Wrong-Secret-Passw0rd", "Never-Logged-Passw0rd",
                "\"weak\"", token, userToken, JWT_SECRET, "$argon2id$");
    }
}
