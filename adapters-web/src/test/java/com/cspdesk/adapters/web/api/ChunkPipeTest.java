package com.cspdesk.adapters.web.api;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChunkPipeTest {

    @Test
    void everyByteWrittenOnOneThreadIsReadOnAnotherInOrder() throws Exception {
        ChunkPipe pipe = new ChunkPipe();
        byte[] data = new byte[ChunkPipe.CHUNK * 40 + 123];
        new Random(7).nextBytes(data);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream out = pipe.sink()) {
                for (int i = 0; i < data.length; i += 1000) {
                    out.write(data, i, Math.min(1000, data.length - i));
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        byte[] read;
        try (InputStream in = pipe.source()) {
            read = in.readAllBytes();
        }
        writer.get(10, TimeUnit.SECONDS);
        assertThat(MessageDigest.getInstance("SHA-256").digest(read)).isEqualTo(MessageDigest.getInstance("SHA-256").digest(data));
    }

    @Test
    void aFailedWriterIsAnErrorForTheReaderNotAnEarlyEnd() throws Exception {
        ChunkPipe pipe = new ChunkPipe();
        pipe.sink().write(new byte[10]);
        pipe.fail(new IllegalStateException("database went away"));
        InputStream in = pipe.source();
        assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class);
    }

    @Test
    void aReaderThatLeavesStopsTheWriter() throws Exception {
        ChunkPipe pipe = new ChunkPipe();
        pipe.source().close();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                OutputStream out = pipe.sink();
                byte[] chunk = new byte[ChunkPipe.CHUNK];
                for (int i = 0; i < 1000; i++) {
                    out.write(chunk);
                }
            } catch (IOException expected) {
                throw new IllegalStateException("stopped", expected);
            }
        });
        assertThatThrownBy(() -> writer.get(10, TimeUnit.SECONDS)).hasMessageContaining("stopped");
    }
}
