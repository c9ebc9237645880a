package com.cspdesk.adapters.persistence.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The MariaDB programs the throwaway server needs, found on this machine.
 *
 * <p>Missing programs are a hard failure (never a skipped test): a test run that silently skips
 * the database tests would look green while proving nothing.
 */
public final class MariaDbBinaries {

    /** The exact command that makes the programs available on Debian/Ubuntu. */
    public static final String INSTALL_HINT = "apt-get install -y mariadb-server";

    private static final Pattern VERSION = Pattern.compile("Ver\\s+(\\d+\\.\\d+\\.\\d+)");

    private final Path server;
    private final Path installDb;
    private final String realVersion;

    private MariaDbBinaries(Path server, Path installDb, String realVersion) {
        this.server = server;
        this.installDb = installDb;
        this.realVersion = realVersion;
    }

    /**
     * Finds {@code mariadbd} and {@code mariadb-install-db} (PATH, then /usr/sbin and /usr/bin)
     * and asks the server for its version.
     *
     * @throws IllegalStateException if a program is missing (the message says how to install it)
     */
    public static MariaDbBinaries locate() {
        Path server = find("mariadbd", System.getenv("PATH"));
        Path installDb = find("mariadb-install-db", System.getenv("PATH"));
        return new MariaDbBinaries(server, installDb, askVersion(server));
    }

    /** Path of the {@code mariadbd} server program. */
    public Path server() {
        return server;
    }

    /** Path of {@code mariadb-install-db}. */
    public Path installDb() {
        return installDb;
    }

    /** The real server version, e.g. {@code 10.11.19}. */
    public String realVersion() {
        return realVersion;
    }

    /**
     * Looks for an executable on the given PATH value, then in /usr/sbin and /usr/bin.
     *
     * @throws IllegalStateException naming the places searched and the install command
     */
    static Path find(String program, String pathVariable) {
        Set<Path> candidates = new LinkedHashSet<>();
        if (pathVariable != null) {
            for (String dir : pathVariable.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    candidates.add(Path.of(dir, program));
                }
            }
        }
        candidates.add(Path.of("/usr/sbin", program));
        candidates.add(Path.of("/usr/bin", program));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("The database tests start their own throwaway MariaDB server, but '"
                + program + "' was not found (looked on PATH, in /usr/sbin and in /usr/bin). Install it with: "
                + INSTALL_HINT + " (as root, or with sudo). The system MariaDB service does not need to run.");
    }

    private static String askVersion(Path server) {
        String output;
        try {
            Process process = new ProcessBuilder(server.toString(), "--version")
                    .redirectErrorStream(true)
                    .start();
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(server + " --version did not finish within 20 s");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + server + " --version: " + e.getMessage()
                    + ". Reinstall it with: " + INSTALL_HINT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking " + server + " for its version", e);
        }
        return parseVersion(output);
    }

    /** Extracts {@code 10.11.19} from {@code mariadbd  Ver 10.11.19-MariaDB-0+deb12u1 for debian-linux-gnu ...}. */
    static String parseVersion(String versionOutput) {
        Matcher matcher = VERSION.matcher(versionOutput);
        if (!matcher.find()) {
            throw new IllegalStateException("Cannot read the MariaDB version from: " + versionOutput.strip());
        }
        return matcher.group(1);
    }
}
