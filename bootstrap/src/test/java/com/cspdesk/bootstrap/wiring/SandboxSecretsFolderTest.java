package com.cspdesk.bootstrap.wiring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** #13: the demo's secrets are made once per data folder, kept owner-only, and none is published with the code. */
class SandboxSecretsFolderTest {

    @TempDir
    Path dataFolder;

    @Test
    void twoStartsOnOneDataFolderHaveTheSameSecretsAndAnotherFolderOthers() throws IOException {
        Path secrets = dataFolder.resolve("data/secrets");
        AtomicInteger made = new AtomicInteger();
        String first = new SandboxSecretsFolder(secrets.toString()).kept("jwt-secret", () -> "secret-" + made.incrementAndGet());
        String afterRestart = new SandboxSecretsFolder(secrets.toString()).kept("jwt-secret", () -> "secret-" + made.incrementAndGet());
        String elsewhere = new SandboxSecretsFolder(dataFolder.resolve("other").toString())
                .kept("jwt-secret", () -> "secret-" + made.incrementAndGet());

        assertThat(first).isEqualTo("secret-1").isEqualTo(afterRestart);
        assertThat(elsewhere).isEqualTo("secret-2");
        assertThat(made).hasValue(2);
        assertThat(Files.readString(secrets.resolve("jwt-secret"), StandardCharsets.UTF_8)).isEqualTo("secret-1");
    }

    @Test
    void eachSecretHasItsOwnFileAndTheFilesAreTheOwnersOnly() throws IOException {
        Path secrets = dataFolder.resolve("secrets");
        SandboxSecretsFolder folder = new SandboxSecretsFolder(secrets.toString());
        assertThat(folder.kept("keyset", () -> "k")).isEqualTo("k");
        assertThat(folder.kept("download-token-secret", () -> "d")).isEqualTo("d");

        try (var files = Files.list(secrets)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder("keyset", "download-token-secret");
        }
        if (secrets.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets.resolve("keyset")))).isEqualTo("rw-------");
        }
    }

    @Test
    void aBlankPathKeepsThemInMemoryForThisRunOnly() throws IOException {
        SandboxSecretsFolder memory = new SandboxSecretsFolder(" ");
        assertThat(memory.kept("keyset", () -> "a")).isEqualTo("a");
        assertThat(memory.kept("keyset", () -> "b")).isEqualTo("a");
        assertThat(new SandboxSecretsFolder(null).kept("keyset", () -> "c")).isEqualTo("c");
        try (var files = Files.list(dataFolder)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void anEmptyFileOrAStrangeNameIsRefusedNotReplaced() throws IOException {
        Path secrets = Files.createDirectories(dataFolder.resolve("secrets"));
        Files.writeString(secrets.resolve("keyset"), "\n");
        SandboxSecretsFolder folder = new SandboxSecretsFolder(secrets.toString());

        assertThatThrownBy(() -> folder.kept("keyset", () -> "new")).hasMessageContaining("keyset")
                .hasMessageNotContaining("new");
        assertThatThrownBy(() -> folder.kept("../keyset", () -> "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDemoConfigurationPublishesNoSecret() throws IOException {
        String demo;
        try (InputStream in = getClass().getResourceAsStream("/application-demo.yml")) {
            assertThat(in).isNotNull();
            demo = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String settings = demo.lines().filter(line -> !line.strip().startsWith("#")).reduce("", (a, b) -> a + b + "\n");
        assertThat(settings).doesNotContain("keyset", "token-secret", "jwt-secret", "secret", "primaryKeyId", "keyData");
    }
}
