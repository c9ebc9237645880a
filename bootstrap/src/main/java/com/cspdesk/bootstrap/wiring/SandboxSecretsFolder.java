package com.cspdesk.bootstrap.wiring;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Sandbox mode's own secrets — the product-key keyset, the download-token secret and the JWT key,
 * each used only when it is not configured — kept in the data folder ({@code cspdesk.sandbox.secrets-path},
 * {@code ./data/secrets} beside the embedded database): made on the first start, one file each,
 * readable and writable by the owner only (POSIX 600 in a 700 folder where the file system has POSIX
 * permissions), and read back on every later start. So product keys and kept answers still open,
 * links and tokens still work after a restart, another data folder has other secrets, and no secret
 * is published with the code. A blank path keeps them in memory for this run only (the memory
 * adapter, which writes nothing to disk). Neither the secrets nor the files' contents are ever logged.
 */
@Singleton
@Requires(property = "cspdesk.sandbox.enabled", value = "true")
final class SandboxSecretsFolder implements com.cspdesk.adapters.crypto.secrets.SandboxSecrets,
        com.cspdesk.adapters.web.security.SandboxSecrets {

    private static final Pattern NAME = Pattern.compile("[a-z-]{1,40}");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");

    private final Path folder;
    private final Map<String, String> inMemory = new HashMap<>();

    SandboxSecretsFolder(@Nullable @Value("${cspdesk.sandbox.secrets-path:./data/secrets}") String path) {
        this.folder = path == null || path.isBlank() ? null : Path.of(path.strip());
    }

    @Override
    public synchronized String kept(String name, Supplier<String> firstValue) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a secret's name is [a-z-]+: " + name);
        }
        if (folder == null) {
            return inMemory.computeIfAbsent(name, n -> firstValue.get());
        }
        try {
            Path file = folder.resolve(name);
            if (Files.exists(file)) {
                return read(file);
            }
            createFolder();
            Path written = Files.createTempFile(folder, "." + name, ".new", ownerOnly(OWNER_FILE));
            Files.writeString(written, firstValue.get(), StandardCharsets.UTF_8);
            try {
                Files.move(written, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException another) {
                Files.deleteIfExists(written);
            }
            return read(file);
        } catch (IOException e) {
            // The path, never the secret.
            throw new UncheckedIOException("sandbox secret '" + name + "' cannot be kept in " + folder.toAbsolutePath(), e);
        }
    }

    private void createFolder() throws IOException {
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder, ownerOnly(OWNER_FOLDER));
        }
    }

    private static String read(Path file) throws IOException {
        String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (secret.isEmpty()) {
            throw new IOException(file + " is empty: delete it to have a new secret made");
        }
        return secret;
    }

    private FileAttribute<?>[] ownerOnly(Set<PosixFilePermission> permissions) {
        boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)} : new FileAttribute<?>[0];
    }
}
