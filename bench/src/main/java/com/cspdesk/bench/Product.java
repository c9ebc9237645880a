package com.cspdesk.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The product jar ({@code bootstrap/target/cspdesk.jar}) as a child process, configured through
 * the environment exactly as an operator would, on a free loopback port.
 */
final class Product implements AutoCloseable {

    static final String ADMIN = "bench.admin@partner.bench";
    static final String ADMIN_PASSWORD = "Bench-Admin-Passw0rd!";
    /** The Tink AES-256-GCM keyset of the end-to-end tests (a test key, never a production one). */
    static final String KEYSET = "{\"primaryKeyId\":44655904,\"key\":[{\"keyData\":{\"typeUrl\":"
            + "\"type.googleapis.com/google.crypto.tink.AesGcmKey\",\"value\":"
            + "\"GiAoHIGuq5usbjcht29P/kjseGFnGGhAVaSC2a6G3tD0PA==\",\"keyMaterialType\":\"SYMMETRIC\"},"
            + "\"status\":\"ENABLED\",\"keyId\":44655904,\"outputPrefixType\":\"TINK\"}]}";
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    /** bin/cspdesk of this tree (the bench runs in bench/), or -Dbench.launcher. */
    private static final Path LAUNCHER = Path.of(System.getProperty("bench.launcher", "../bin/cspdesk")).toAbsolutePath().normalize();

    private final Process process;
    private final int port;
    private final Duration startup;
    private final Path log;
    private final Launch launch;

    /** What the product was started with, to start it again the same way after a crash. */
    private record Launch(Path jar, Database db, Path softwareStore, boolean sandbox, String jwtSecret, List<String> jvmOptions,
                          Map<String, String> environment) {
    }

    private Product(Process process, int port, Duration startup, Path log, Launch launch) {
        this.process = process;
        this.port = port;
        this.startup = startup;
        this.log = log;
        this.launch = launch;
    }

    /** Starts the jar and waits (at most 120 s) for {@code /health} to answer 200. */
    static Product start(Path jar, Database db, Path softwareStore, Path log, boolean sandbox, String jwtSecret,
                         List<String> jvmOptions) {
        return start(jar, db, softwareStore, log, sandbox, jwtSecret, jvmOptions, Map.of());
    }

    /** As {@link #start(Path, Db, Path, Path, boolean, String, List)}, with more environment variables. */
    static Product start(Path jar, Database db, Path softwareStore, Path log, boolean sandbox, String jwtSecret,
                         List<String> jvmOptions, Map<String, String> environment) {
        return start(new Launch(jar, db, softwareStore, sandbox, jwtSecret, List.copyOf(jvmOptions), Map.copyOf(environment)), log);
    }

    /** The same product (database, settings, options) started again on a new port, logging to {@code log}. */
    Product startAgain(Path log) {
        return start(launch, log);
    }

    private static Product start(Launch launch, Path log) {
        Path jar = launch.jar();
        Database db = launch.db();
        Path softwareStore = launch.softwareStore();
        int port = freePort();
        // Production's launcher (bin/cspdesk) on this JVM, with a class-data archive made for this copy of the jar:
        // the flags and the archive it picks are the ones measured.
        trainArchive(jar);
        ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("CSPDESK_JAR", jar.toString());
        env.put("JAVA_OPTS", String.join(" ", launch.jvmOptions()));
        env.put("DATASOURCES_DEFAULT_URL", db.jdbcUrl());
        env.put("DATASOURCES_DEFAULT_USERNAME", db.username());
        env.put("DATASOURCES_DEFAULT_PASSWORD", db.password());
        env.put("CSPDESK_JWT_SECRET", launch.jwtSecret());
        env.put("CSPDESK_KEYS_KEYSET", KEYSET);
        env.put("CSPDESK_DOWNLOADS_TOKEN_SECRET", "bench-download-token-secret-0123456789abcdef");
        env.put("CSPDESK_ADMIN_USERNAME", ADMIN);
        env.put("CSPDESK_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("CSPDESK_SANDBOX_ENABLED", String.valueOf(launch.sandbox()));
        // The load signs in with passwords; the second factor has its own tests (MultiFactorSignInEndToEndTest).
        env.put("CSPDESK_MFA_REQUIRED_ROLES", "none");
        env.put("CSPDESK_DEMO_SOFTWARE_FILES", "false");
        env.put("CSPDESK_SOFTWARE_STORE_PATH", softwareStore.toString());
        env.put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        // The benchmark's webhook receiver listens on loopback.
        env.put("CSPDESK_WEBHOOKS_ALLOWED_HOSTS", "127.0.0.1");
        env.putAll(launch.environment());
        long begin = System.nanoTime();
        Process process;
        try {
            Files.createDirectories(softwareStore);
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + jar, e);
        }
        return new Product(process, port, awaitHealth(process, port, begin, log), log, launch);
    }

    /**
     * The launcher's training run ({@code CSPDESK_CDS=train}) for {@code jar} unless its archive is newer: an archive
     * is valid for one jar path only, and the bench starts its own copy of the jar.
     */
    private static synchronized void trainArchive(Path jar) {
        Path archive = jar.resolveSibling(jar.getFileName().toString().replaceFirst("\\.jar$", "") + ".jsa");
        Path trainingLog = jar.resolveSibling("cds-training.log");
        try {
            if (Files.exists(archive) && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0) {
                return;
            }
            ProcessBuilder training = new ProcessBuilder(LAUNCHER.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(trainingLog.toFile()));
            training.environment().put("JAVA_HOME", System.getProperty("java.home"));
            training.environment().put("CSPDESK_JAR", jar.toString());
            training.environment().put("CSPDESK_CDS", "train");
            training.environment().remove("JAVA_OPTS");
            Process process = training.start();
            if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("the class-data training run failed; see " + trainingLog);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot train the class-data archive of " + jar, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String randomSecret() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static Duration awaitHealth(Process process, int port, long begin, Path log) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = begin + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the product exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - begin);
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Db.sleep(25);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the product did not answer /health within 120 s; see " + log);
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    Duration startup() {
        return startup;
    }

    /** Micronaut's own "Startup completed in N ms", if it was logged. */
    String micronautStartup() {
        try {
            Matcher m = Pattern.compile("Startup completed in (\\d+)ms").matcher(Files.readString(log));
            String last = null;
            while (m.find()) {
                last = m.group(1);
            }
            return last == null ? "n/a" : last + " ms";
        } catch (IOException e) {
            return "n/a";
        }
    }

    /** Resident set size in MiB (VmRSS), or VmHWM for the peak. */
    double memoryMiB(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    /** Heap in use (MiB) as {@code jcmd GC.heap_info} reports it; after a full GC when asked. */
    double heapUsedMiB(boolean afterGc) {
        if (afterGc) {
            jcmd("GC.run");
        }
        Matcher m = HEAP_USED.matcher(jcmd("GC.heap_info"));
        return m.find() ? Long.parseLong(m.group(1)) / 1024.0 : Double.NaN;
    }

    String jcmd(String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(process.pid())));
        command.addAll(List.of(arguments));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor(60, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** CPU time (user + system) the process has used, in milliseconds (/proc/<pid>/stat; 100 ticks a second). */
    static double cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    double cpuMillis() {
        return cpuMillis(process.pid());
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Kills the process at once (SIGKILL: no shutdown hook, no goodbye to the database), as a crash would;
     * its exit status (137 after a SIGKILL).
     */
    int kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the product " + process.pid() + " did not die within 30 s of SIGKILL");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
