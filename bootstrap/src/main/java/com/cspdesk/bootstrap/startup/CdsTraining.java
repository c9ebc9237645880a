package com.cspdesk.bootstrap.startup;

import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;

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

    /** Production's start-up classes that this run, on H2, does not load by itself (the file says how it is made). */
    static final String PRODUCTION_CLASSES = "cds/production-classes.txt";

    @EventListener
    void onServerStarted(ServerStartupEvent event) {
        LOG.info("Class-data-sharing training: {} classes of a start-up on MySQL loaded", loadProductionClasses());
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

    /**
     * Loads (does not initialise) every class named in {@link #PRODUCTION_CLASSES}: the archive then holds them parsed
     * and verified, which a start-up on MySQL would otherwise do for Connector/J's few hundred classes from the jar.
     */
    static int loadProductionClasses() {
        ClassLoader loader = CdsTraining.class.getClassLoader();
        int loaded = 0;
        try (InputStream list = loader.getResourceAsStream(PRODUCTION_CLASSES)) {
            if (list == null) {
                return 0;
            }
            for (String line : new String(list.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String name = line.strip();
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                try {
                    Class.forName(name, false, loader);
                    loaded++;
                } catch (ClassNotFoundException | LinkageError gone) {
                    // A newer driver or JDK without it: nothing to archive.
                }
            }
        } catch (IOException unreadable) {
            LOG.warn("Class-data-sharing training: cannot read {}", PRODUCTION_CLASSES);
        }
        return loaded;
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
