package com.cspdesk.application.software.port.in;

import java.io.IOException;
import java.io.InputStream;

/** A file's facts and a way to read it from any offset (for resumed downloads), in constant memory. */
public interface DownloadableFile {

    String fileName();

    long sizeBytes();

    /** Hex SHA-256 of the whole file, also its ETag. */
    String sha256();

    InputStream openAt(long offset) throws IOException;
}
