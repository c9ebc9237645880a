package com.cspdesk.adapters.files.software;

import com.cspdesk.application.software.port.in.DownloadableFile;
import com.cspdesk.application.software.port.out.SoftwareStore;
import com.cspdesk.domain.catalog.Bitness;
import com.cspdesk.domain.catalog.SoftwareLanguage;
import com.cspdesk.domain.catalog.SoftwareVersion;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The software bits in a local folder ({@code cspdesk.software-store.path}, default
 * {@code ./data/software}): {@code <productId>/<version>/<language>/<bitness>/<file>}, one file per
 * folder. The SHA-256 is computed once and kept beside the file ({@code <file>.sha256}). Reads
 * stream from any offset through a file channel, so memory stays flat whatever the size; the
 * file's path is handed out too, so the web adapter can have the kernel send it (zero-copy).
 */
// Not on the memory adapter (CSPDESK_PERSISTENCE=memory), which writes nothing to disk: its own store serves then.
@Singleton
@Requires(property = "cspdesk.persistence", notEquals = "memory")
public class LocalFolderSoftwareStore implements SoftwareStore {

    private static final Pattern SAFE_SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Path root;

    public LocalFolderSoftwareStore(@Value("${cspdesk.software-store.path:./data/software}") String root) {
        this.root = Path.of(root).toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** The folder for one choice; every segment is checked so no input can leave the store. */
    public Path folderOf(String productId, SoftwareVersion version, SoftwareLanguage language, Bitness bitness) {
        for (String segment : new String[]{productId, version.name(), language.tag(), bitness.code()}) {
            if (!SAFE_SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException("not a safe path segment");
            }
        }
        Path folder = root.resolve(productId).resolve(version.name()).resolve(language.tag()).resolve(bitness.code()).normalize();
        if (!folder.startsWith(root)) {
            throw new IllegalArgumentException("outside the software store");
        }
        return folder;
    }

    @Override
    public Optional<DownloadableFile> file(String productId, SoftwareVersion version, SoftwareLanguage language, Bitness bitness) {
        Path folder;
        try {
            folder = folderOf(productId, version, language, bitness);
        } catch (IllegalArgumentException unsafe) {
            return Optional.empty();
        }
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().endsWith(".sha256"))
                    .sorted()
                    .findFirst()
                    .map(LocalFile::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class LocalFile implements DownloadableFile {

        private final Path path;

        private LocalFile(Path path) {
            this.path = path;
        }

        @Override
        public String fileName() {
            return path.getFileName().toString();
        }

        @Override
        public long sizeBytes() {
            try {
                return Files.size(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String sha256() {
            Path sidecar = path.resolveSibling(fileName() + ".sha256");
            try {
                if (Files.isRegularFile(sidecar) && Files.getLastModifiedTime(sidecar).compareTo(Files.getLastModifiedTime(path)) >= 0) {
                    return Files.readString(sidecar, StandardCharsets.US_ASCII).strip();
                }
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
                String hex = HexFormat.of().formatHex(digest.digest());
                Files.writeString(sidecar, hex, StandardCharsets.US_ASCII);
                return hex;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JVM", e);
            }
        }

        @Override
        public InputStream openAt(long offset) throws IOException {
            FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
            channel.position(offset);
            return Channels.newInputStream(channel);
        }

        @Override
        public Optional<Path> localPath() {
            return Optional.of(path);
        }
    }
}
