package com.cspdesk.adapters.web.downloads;

import io.micronaut.core.io.buffer.ReadBuffer;
import io.micronaut.core.io.buffer.ReadBufferFactory;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A download's body is read in chunks only as fast as the connection asks, and always closed.
 * The blocking pool is a queue the test runs itself ({@link StepByStep}): once it is empty nothing
 * else can happen, so "nothing more was read" is a fact, not the outcome of a pause.
 */
class StreamingBodyWriterTest {

    private final StepByStep blocking = new StepByStep();
    private final StreamingBodyWriter writer = new StreamingBodyWriter(blocking);
    private final ReadBufferFactory buffers = ReadBufferFactory.getJdkFactory();

    @Test
    void theBytesArriveWholeInChunksAndTheStreamIsClosedAtTheEnd() throws Exception {
        byte[] file = new byte[4 * StreamingBodyWriter.CHUNK + 3];
        for (int i = 0; i < file.length; i++) {
            file[i] = (byte) (i * 31);
        }
        Watched in = new Watched(new ByteArrayInputStream(file));
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        AtomicBoolean done = new AtomicBoolean();
        writer.chunks(StreamingBody.ofLength(in, file.length), buffers).subscribe(new BaseSubscriber<>() {
            @Override
            protected void hookOnNext(ReadBuffer chunk) {
                sizes.add(chunk.readable());
                received.writeBytes(chunk.toArray());
            }

            @Override
            protected void hookOnComplete() {
                done.set(true);
            }
        });
        blocking.runUntilIdle();
        assertThat(done).isTrue();
        assertThat(sizes).containsExactly(StreamingBodyWriter.CHUNK, StreamingBodyWriter.CHUNK,
                StreamingBodyWriter.CHUNK, StreamingBodyWriter.CHUNK, 3);
        assertThat(received.toByteArray()).isEqualTo(file);
        assertThat(in.closed).isTrue();
    }

    @Test
    void nothingIsReadBeyondWhatWasAskedForAndCancellingClosesTheStream() throws Exception {
        Watched in = new Watched(new EndlessZeros());
        AtomicInteger chunks = new AtomicInteger();
        AtomicReference<Subscription> subscription = new AtomicReference<>();
        writer.chunks(StreamingBody.chunked(in), buffers).subscribe(new BaseSubscriber<>() {
            @Override
            protected void hookOnSubscribe(Subscription s) {
                subscription.set(s);
                s.request(2);
            }

            @Override
            protected void hookOnNext(ReadBuffer chunk) {
                chunks.incrementAndGet();
            }
        });
        blocking.runUntilIdle();
        // A slow client: two chunks asked for, two read, and nothing left to run — the endless file is not read ahead.
        assertThat(chunks).hasValue(2);
        assertThat(in.read.get()).isEqualTo(2L * StreamingBodyWriter.CHUNK);
        assertThat(in.closed).isFalse();
        subscription.get().request(1);
        blocking.runUntilIdle();
        assertThat(chunks).hasValue(3);
        assertThat(in.read.get()).isEqualTo(3L * StreamingBodyWriter.CHUNK);
        subscription.get().cancel();
        blocking.runUntilIdle();
        assertThat(in.closed).isTrue();
    }

    @Test
    void aReadErrorEndsTheBodyWithTheErrorAndClosesTheStream() throws Exception {
        Watched in = new Watched(new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }
        });
        AtomicReference<Throwable> failure = new AtomicReference<>();
        writer.chunks(StreamingBody.chunked(in), buffers).subscribe(new BaseSubscriber<>() {
            @Override
            protected void hookOnError(Throwable error) {
                failure.set(error);
            }
        });
        blocking.runUntilIdle();
        assertThat(failure.get()).isInstanceOf(IOException.class).hasMessage("disk gone");
        assertThat(in.closed).isTrue();
    }

    /** An executor that only queues: the test runs what was queued, on its own thread, until nothing is left. */
    private static final class StepByStep extends AbstractExecutorService {
        private final Queue<Runnable> queued = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            queued.add(task);
        }

        void runUntilIdle() {
            Runnable task;
            while ((task = queued.poll()) != null) {
                task.run();
            }
        }

        @Override
        public void shutdown() {
            queued.clear();
        }

        @Override
        public List<Runnable> shutdownNow() {
            List<Runnable> left = List.copyOf(queued);
            queued.clear();
            return left;
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return queued.isEmpty();
        }
    }

    private static final class Watched extends FilterInputStream {
        final AtomicBoolean closed = new AtomicBoolean();
        final java.util.concurrent.atomic.AtomicLong read = new java.util.concurrent.atomic.AtomicLong();

        Watched(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                read.addAndGet(n);
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            closed.set(true);
            super.close();
        }
    }

    private static final class EndlessZeros extends InputStream {
        @Override
        public int read() {
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) 0);
            return len;
        }
    }
}
