package com.cspdesk.adapters.web.downloads;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * What a download sends: {@code length} bytes of a file from byte {@code first}. When the file is a
 * plain local one ({@code localPath}) and the connection allows it, the kernel sends them
 * ({@link FileRegionHandler}); otherwise they are read from the stream {@code open} gives, opened
 * only then and already bounded to the part.
 */
record DownloadBody(Optional<Path> localPath, long first, long length, Callable<InputStream> open) {

    DownloadBody {
        Objects.requireNonNull(localPath, "localPath");
        Objects.requireNonNull(open, "open");
    }

    @Override
    public String toString() {
        return "DownloadBody[first=" + first + ", length=" + length + ", local=" + localPath.isPresent() + "]";
    }
}
