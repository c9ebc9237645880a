package com.cspdesk.adapters.crypto.passwords;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bounds are shown with latches (a hash that holds its permit until released), never with timing. */
class HashingPermitsTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        threads.shutdownNow();
    }

    /** Starts a hash on another thread that holds its permit until {@link #release}; answers once it holds it. */
    private CompletableFuture<String> holding(HashingPermits permits) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<String> held = CompletableFuture.supplyAsync(() -> permits.run(() -> {
            started.countDown();
            await(release);
            return "held";
        }), threads);
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        return held;
    }

    @Test
    void asManyHashesRunAtOnceAsThereAreThreadsAndTheNextIsRefusedWhenItMayNotWait() throws Exception {
        HashingPermits permits = new HashingPermits(2, 10, Duration.ZERO);
        CompletableFuture<String> one = holding(permits);
        CompletableFuture<String> two = holding(permits);

        assertThatThrownBy(() -> permits.run(() -> "third")).isInstanceOf(RejectedExecutionException.class)
                .hasMessageContaining("busy");
        release.countDown();
        assertThat(one.get(30, TimeUnit.SECONDS)).isEqualTo("held");
        assertThat(two.get(30, TimeUnit.SECONDS)).isEqualTo("held");
        assertThat(permits.run(() -> "after")).isEqualTo("after");
    }

    @Test
    void aCallerWaitsForAFreeThreadAndRunsOnceItIsFree() throws Exception {
        HashingPermits permits = new HashingPermits(1, 1, Duration.ofMinutes(1));
        CompletableFuture<String> first = holding(permits);
        AtomicInteger ran = new AtomicInteger();
        CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> permits.run(ran::incrementAndGet), threads);

        assertThat(ran).hasValue(0);
        release.countDown();
        assertThat(waiting.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("held");
    }

    @Test
    void callersBeyondTheQueueAreRefusedAtOnceEvenWithTimeToWait() throws Exception {
        HashingPermits permits = new HashingPermits(1, 0, Duration.ofMinutes(10));
        holding(permits);

        assertThatThrownBy(() -> permits.run(() -> "queued")).isInstanceOf(RejectedExecutionException.class)
                .hasMessageContaining("queue is full");
    }

    @Test
    void aFailingHashGivesItsThreadBack() {
        HashingPermits permits = new HashingPermits(1, 0, Duration.ZERO);
        assertThatThrownBy(() -> permits.run(() -> {
            throw new IllegalStateException("broken");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(permits.run(() -> "next")).isEqualTo("next");
    }

    @Test
    void theThreadsAreTheConfiguredNumberOrHalfTheCores() {
        assertThat(HashingPermits.threads(3)).isEqualTo(3);
        assertThat(HashingPermits.threads(0)).isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
        assertThatThrownBy(() -> new HashingPermits(0, 1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HashingPermits(1, -1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
