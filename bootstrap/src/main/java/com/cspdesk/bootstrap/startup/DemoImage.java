package com.cspdesk.bootstrap.startup;

import com.cspdesk.application.software.port.in.DownloadableFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A sandbox stand-in "ISO": one line naming what it stands for, repeated to {@value #SIZE} bytes.
 * Made on the fly from any offset, so the memory adapter serves it without holding its bytes.
 */
final class DemoImage implements DownloadableFile {

    static final int SIZE = 256 * 1024;

    private final String fileName;
    private final byte[] line;
    private volatile String sha256;

    DemoImage(String fileName, String description) {
        this.fileName = fileName;
        this.line = ("CSP Software Desk demo image: " + description + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String fileName() {
        return fileName;
    }

    @Override
    public long sizeBytes() {
        return SIZE;
    }

    @Override
    public String sha256() {
        if (sha256 == null) {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                writeTo(new DigestOutputStream(OutputStream.nullOutputStream(), digest));
                sha256 = HexFormat.of().formatHex(digest.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JVM", e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sha256;
    }

    @Override
    public InputStream openAt(long offset) {
        return new InputStream() {
            private long position = offset;

            @Override
            public int read() {
                return position < SIZE ? line[(int) (position++ % line.length)] & 0xff : -1;
            }
        };
    }

    void writeTo(OutputStream out) throws IOException {
        for (int written = 0; written < SIZE; written += line.length) {
            out.write(line, 0, Math.min(line.length, SIZE - written));
        }
    }
}
