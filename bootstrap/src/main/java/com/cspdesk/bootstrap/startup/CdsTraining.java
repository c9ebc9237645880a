package com.cspdesk.bootstrap.startup;

import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;

/**
 * The class-data-sharing training run (issue #18; {@code bin/cspdesk} with {@code CSPDESK_CDS=train}, which the
 * build runs in bootstrap's {@code package} phase): once the server has started it asks its own {@code /health}
 * once, so that the classes of the first request are archived as well as those of start-up, and then ends the
 * JVM, whose {@code -XX:ArchiveClassesAtExit} writes the archive. The exit status is 0 only when {@code /health}
 * answered 200: a product that cannot start fails the build here, before anyone runs it.
 */
@Singleton
@Requires(property = "cspdesk.cds.training", value = "true")
class CdsTraining {

    private static final Logger LOG = LoggerFactory.getLogger(CdsTraining.class);

    @EventListener
    void onServerStarted(ServerStartupEvent event) {
        URL server = event.getSource().getURL();
        // Not on this thread: the service is ready (/health 200) only after this event, and System.exit waits
        // for the shutdown hook, which closes the context this event runs in.
        Thread train = new Thread(() -> System.exit(askHealth(server)), "cds-training");
        train.start();
    }

    /** 0 once {@code /health} answers 200 (a few tries while the service becomes ready), 1 if it never does. */
    private static int askHealth(URL server) {
        int status = -1;
        for (int attempt = 0; attempt < 100 && status != 200; attempt++) {
            if (attempt > 0) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            status = health(server);
        }
        LOG.info("Class-data-sharing training: /health answered {}; stopping so the archive is written", status);
        return status == 200 ? 0 : 1;
    }

    private static int health(URL server) {
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL(server, "/health").openConnection();
            connection.setConnectTimeout(10_000);
            connection.setReadTimeout(60_000);
            try {
                return connection.getResponseCode();
            } finally {
                connection.disconnect();
            }
        } catch (IOException notAnswering) {
            return -1;
        }
    }
}
