package com.cspdesk.bootstrap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bin/cspdesk, the launcher of ./run-demo and production (issue #18): which JVM flags it gives, when it uses the
 * class-data archive and when it says why not, and what a training run does. The JVM here is a stand-in script
 * that records its arguments and, like {@code -XX:ArchiveClassesAtExit}, writes the archive it is told to; that
 * the real product starts through the launcher and the real archive gets written is what the build's
 * {@code cds-archive} execution checks on every package (it fails unless /health answered 200 and the archive
 * exists).
 */
class LauncherTest {

    private static final Path LAUNCHER = Path.of("..", "bin", "cspdesk").toAbsolutePath().normalize();
    private static final Path RUN_DEMO = Path.of("..", "run-demo").toAbsolutePath().normalize();

    @TempDir
    Path folder;
    private Path jar;
    private Path javaHome;
    private Path recorded;

    record Run(int exit, List<String> out, String err) {
    }

    @BeforeEach
    void aJarAndAStandInJvm() throws IOException {
        jar = Files.writeString(folder.resolve("cspdesk.jar"), "not really a jar");
        javaHome = folder.resolve("jdk");
        recorded = folder.resolve("java-was-run-with");
        Files.createDirectories(javaHome.resolve("bin"));
        Path java = javaHome.resolve("bin").resolve("java");
        Files.writeString(java, String.join("\n",
                "#!/usr/bin/env bash",
                "printf '%s\\n' \"$@\" > '" + recorded + "'",
                "env >> '" + recorded + "'",
                "for a in \"$@\"; do case \"$a\" in -XX:ArchiveClassesAtExit=*) echo archive > \"${a#*=}\";; esac; done",
                ""));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void theScriptsAreValidBash() throws Exception {
        for (Path script : List.of(LAUNCHER, RUN_DEMO)) {
            Process bash = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
            assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(bash.exitValue()).as(new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        }
    }

    @Test
    void aServicesHeapAndGcThenJavaOptsThenTheJarAndTheArguments() throws Exception {
        Run run = launch(Map.of("JAVA_OPTS", "-Dmicronaut.environments=demo -Xmx1g", "CSPDESK_LAUNCHER_DRY_RUN", "true"),
                "--some", "argument");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).containsSubsequence(javaHome.resolve("bin/java").toString(), "-XX:+UseSerialGC", "-Xms64m",
                "-Xmx384m", "-XX:MaxHeapFreeRatio=30", "-XX:MinHeapFreeRatio=10", "-XX:MaxMetaspaceSize=256m", "-XX:+ExitOnOutOfMemoryError", "-Dio.netty.jfr.enabled=false",
                "-Dmicronaut.environments=demo", "-Xmx1g", "-jar", jar.toRealPath().toString(), "--some", "argument");
        assertThat(run.out()).noneMatch(word -> word.startsWith("-XX:SharedArchiveFile"));
        assertThat(run.err()).contains("no class-data archive at " + folder.toRealPath().resolve("cspdesk.jsa"));
    }

    @Test
    void cspdeskHeapMaxSetsTheBound() throws Exception {
        Run run = launch(Map.of("CSPDESK_HEAP_MAX", "768m", "CSPDESK_LAUNCHER_DRY_RUN", "true"));

        assertThat(run.out()).contains("-Xmx768m").doesNotContain("-Xmx384m");
    }

    @Test
    void aTrainingRunWritesTheArchiveOnAThrowawayDatabaseAndLaterStartsUseItUntilTheJarChanges() throws Exception {
        Run training = launch(Map.of("CSPDESK_CDS", "train", "DATASOURCES_DEFAULT_URL", "jdbc:mysql://production/db",
                "MICRONAUT_ENVIRONMENTS", "demo"));

        Path archive = folder.toRealPath().resolve("cspdesk.jsa");
        assertThat(training.exit()).as(training.err()).isZero();
        assertThat(archive).exists();
        assertThat(training.err()).contains("wrote the class-data archive " + archive);
        List<String> trainedWith = Files.readAllLines(recorded);
        assertThat(trainedWith).contains("-XX:ArchiveClassesAtExit=" + archive, "-Dcspdesk.cds.training=true",
                "DATASOURCES_DEFAULT_URL=jdbc:h2:mem:cdstraining;MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE",
                "CSPDESK_SANDBOX_ENABLED=true", "CSPDESK_DEMO_HISTORY_ENABLED=false", "MICRONAUT_SERVER_PORT=-1");
        assertThat(trainedWith).noneMatch(line -> line.startsWith("MICRONAUT_ENVIRONMENTS="));

        Run started = launch(Map.of());
        assertThat(started.exit()).isZero();
        assertThat(Files.readAllLines(recorded)).contains("-Xshare:auto", "-XX:SharedArchiveFile=" + archive)
                .doesNotContain("-XX:ArchiveClassesAtExit=" + archive);
        assertThat(started.err()).isEmpty();

        // A rebuilt jar (another time) is not the one the archive was made for: started without it, and told why.
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        Run rebuilt = launch(Map.of());
        assertThat(rebuilt.exit()).isZero();
        assertThat(Files.readAllLines(recorded)).noneMatch(word -> word.startsWith("-XX:SharedArchiveFile"));
        assertThat(rebuilt.err()).contains("was made for another jar or JDK; starting without it");
    }

    @Test
    void cdsOffNeverUsesTheArchiveAndAnUnknownModeIsRefused() throws Exception {
        assertThat(launch(Map.of("CSPDESK_CDS", "train")).exit()).isZero();

        Run off = launch(Map.of("CSPDESK_CDS", "off"));
        assertThat(off.exit()).isZero();
        assertThat(Files.readAllLines(recorded)).noneMatch(word -> word.startsWith("-XX:SharedArchiveFile"));
        assertThat(off.err()).isEmpty();

        Run unknown = launch(Map.of("CSPDESK_CDS", "sometimes"));
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("CSPDESK_CDS must be auto, off or train");
    }

    @Test
    void noJarNoStart() throws Exception {
        Files.delete(jar);

        Run run = launch(Map.of());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("no jar at");
        assertThat(recorded).doesNotExist();
    }

    private Run launch(Map<String, String> variables, String... arguments) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString());
        builder.command().addAll(List.of(arguments));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("CSPDESK_") || name.startsWith("JAVA_") || name.startsWith("MICRONAUT_"));
        Map<String, String> all = new HashMap<>(variables);
        all.put("JAVA_HOME", javaHome.toString());
        all.put("CSPDESK_JAR", jar.toString());
        env.putAll(all);
        Path out = folder.resolve("out");
        Path err = folder.resolve("err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), Files.readAllLines(out), Files.readString(err));
    }
}
