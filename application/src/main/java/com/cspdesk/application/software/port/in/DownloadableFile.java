package com.cspdesk.application.software.port.in;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/** A file's facts and a way to read it from any offset (for resumed downloads), in constant memory. */
public interface DownloadableFile {

    String fileName();

    long sizeBytes();

    /** Hex SHA-256 of the whole file, also its ETag. */
    String sha256();

    InputStream openAt(long offset) throws IOException;

    /**
     * The file's path when its bits are a plain file on this machine's file system, so that a server
     * may have the kernel send them ({@code sendfile}) instead of reading them through
     * {@link #openAt}; empty for bits that live elsewhere (memory, object storage), which are only
     * ever read as a stream.
     */
    default Optional<Path> localPath() {
        return Optional.empty();
    }
}
