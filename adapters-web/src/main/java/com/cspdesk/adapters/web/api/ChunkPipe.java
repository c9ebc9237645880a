package com.cspdesk.adapters.web.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bounded hand-over from one thread that writes (the export) to one that reads (the response):
 * at most {@code CHUNKS} chunks of {@value #CHUNK} bytes are waiting, so an export of any size
 * takes about a megabyte. Unlike {@code PipedInputStream} it does not tie either side to a thread,
 * which pooled threads would break. When the reader closes (the client went away) the writer's
 * next write fails; when the writer fails, the reader's next read fails instead of ending early,
 * so a broken export never looks complete.
 */
public final class ChunkPipe {

    public static final int CHUNK = 64 * 1024;
    private static final int CHUNKS = 16;
    private static final byte[] END = new byte[0];
    /** A reader that takes nothing for this long is gone. */
    private static final long STALL_MILLIS = TimeUnit.MINUTES.toMillis(5);

    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(CHUNKS);
    private volatile boolean readerClosed;
    private volatile Throwable failure;

    private final OutputStream sink = new OutputStream() {
        private byte[] buffer = new byte[CHUNK];
        private int used;
        private boolean closed;

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (closed) {
                throw new IOException("pipe closed");
            }
            while (length > 0) {
                int n = Math.min(length, CHUNK - used);
                System.arraycopy(bytes, offset, buffer, used, n);
                used += n;
                offset += n;
                length -= n;
                if (used == CHUNK) {
                    flush();
                }
            }
        }

        @Override
        public void flush() throws IOException {
            if (used > 0) {
                byte[] chunk = used == CHUNK ? buffer : java.util.Arrays.copyOf(buffer, used);
                hand(chunk);
                buffer = new byte[CHUNK];
                used = 0;
            }
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                try {
                    flush();
                } finally {
                    closed = true;
                    end();
                }
            }
        }
    };

    private final InputStream source = new InputStream() {
        private byte[] current = new byte[0];
        private int position;
        private boolean ended;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (position >= current.length) {
                if (ended) {
                    return -1;
                }
                byte[] next;
                try {
                    next = chunks.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
                if (next == END) {
                    ended = true;
                    if (failure != null) {
                        throw new IOException("the export failed", failure);
                    }
                    return -1;
                }
                current = next;
                position = 0;
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, target, offset, n);
            position += n;
            return n;
        }

        @Override
        public void close() {
            readerClosed = true;
            chunks.clear();
        }
    };

    public InputStream source() {
        return source;
    }

    public OutputStream sink() {
        return sink;
    }

    /** The writer failed: the reader gets an error instead of the end. */
    public void fail(Throwable cause) {
        failure = cause;
        try {
            sink.close();
        } catch (IOException ignored) {
            // The reader is gone: nobody is left to tell.
        }
    }

    private void hand(byte[] chunk) throws IOException {
        long waited = 0;
        try {
            while (!chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                waited += 100;
                if (readerClosed || waited >= STALL_MILLIS) {
                    throw new IOException("the reader has gone");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (readerClosed) {
            throw new IOException("the reader has gone");
        }
    }

    private void end() {
        // The end marker must get through even when the queue is full, unless the reader is gone.
        try {
            long waited = 0;
            while (!readerClosed && !chunks.offer(END, 100, TimeUnit.MILLISECONDS)) {
                waited += 100;
                if (waited >= STALL_MILLIS) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
