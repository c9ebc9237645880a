package com.cspdesk.bootstrap.startup;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The training run's list of production's start-up classes still names classes that exist: a driver or JDK upgrade
 * that renames them fails here (make the list again as its header says), instead of silently archiving fewer.
 */
class CdsTrainingTest {

    @Test
    void everyListedClassOfAStartUpOnMySqlIsLoaded() throws IOException {
        long listed;
        try (InputStream list = CdsTraining.class.getClassLoader().getResourceAsStream(CdsTraining.PRODUCTION_CLASSES)) {
            assertThat(list).isNotNull();
            listed = Arrays.stream(new String(list.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).count();
        }

        assertThat(listed).isGreaterThan(300);
        assertThat(CdsTraining.loadProductionClasses()).isEqualTo((int) listed);
    }
}
