package com.cspdesk.adapters.web.downloads;

import io.micronaut.core.io.buffer.ReadBuffer;
import io.micronaut.core.io.buffer.ReadBufferFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** A download's body is read in chunks only as fast as the connection asks, and always closed. */
class StreamingBodyWriterTest {

    private final ExecutorService blocking = Executors.newCachedThreadPool();
    private final StreamingBodyWriter writer = new StreamingBodyWriter(blocking);
    private final ReadBufferFactory buffers = ReadBufferFactory.getJdkFactory();

    @AfterEach
    void stop() {
        blocking.shutdownNow();
    }

    @Test
    void theBytesArriveWholeInChunksAndTheStreamIsClosedAtTheEnd() throws Exception {
        byte[] file = new byte[4 * StreamingBodyWriter.CHUNK + 3];
        for (int i = 0; i < file.length; i++) {
            file[i] = (byte) (i * 31);
        }
        Watched in = new Watched(new ByteArrayInputStream(file));
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
        CountDownLatch done = new CountDownLatch(1);
        writer.chunks(StreamingBody.ofLength(in, file.length), buffers).subscribe(new BaseSubscriber<>() {
            @Override
            protected void hookOnNext(ReadBuffer chunk) {
                sizes.add(chunk.readable());
                synchronized (received) {
                    received.writeBytes(chunk.toArray());
                }
            }

            @Override
            protected void hookOnComplete() {
                done.countDown();
            }
        });
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(sizes).containsExactly(StreamingBodyWriter.CHUNK, StreamingBodyWriter.CHUNK,
                StreamingBodyWriter.CHUNK, StreamingBodyWriter.CHUNK, 3);
        assertThat(received.toByteArray()).isEqualTo(file);
        awaitClosed(in);
    }

    @Test
    void nothingIsReadBeyondWhatWasAskedForAndCancellingClosesTheStream() throws Exception {
        Watched in = new Watched(new EndlessZeros());
        AtomicInteger chunks = new AtomicInteger();
        AtomicReference<Subscription> subscription = new AtomicReference<>();
        CountDownLatch two = new CountDownLatch(2);
        writer.chunks(StreamingBody.chunked(in), buffers).subscribe(new BaseSubscriber<>() {
            @Override
            protected void hookOnSubscribe(Subscription s) {
                subscription.set(s);
                s.request(2);
            }

            @Override
            protected void hookOnNext(ReadBuffer chunk) {
                chunks.incrementAndGet();
                two.countDown();
            }
        });
        assertThat(two.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(300);
        // A slow client: two chunks asked for, two read — the endless file is not read ahead.
        assertThat(chunks).hasValue(2);
        assertThat(in.read.get()).isEqualTo(2L * StreamingBodyWriter.CHUNK);
        subscription.get().cancel();
        awaitClosed(in);
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
        CountDownLatch done = new CountDownLatch(1);
        writer.chunks(StreamingBody.chunked(in), buffers).subscribe(new BaseSubscriber<>() {
            @Override
            protected void hookOnError(Throwable error) {
                failure.set(error);
                done.countDown();
            }
        });
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(failure.get()).isInstanceOf(IOException.class).hasMessage("disk gone");
        awaitClosed(in);
    }

    private static void awaitClosed(Watched in) throws InterruptedException {
        for (int i = 0; i < 100 && !in.closed.get(); i++) {
            Thread.sleep(20);
        }
        assertThat(in.closed).isTrue();
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
