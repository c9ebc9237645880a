package com.cspdesk.adapters.crypto.passwords;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * At most {@code threads} password hashes at once, so a burst of sign-ins cannot take every core
 * (the event loop and every other request keep theirs). Callers beyond that wait their turn, in
 * arrival order, at most {@code queue} of them and each at most {@code longestWait}; a caller past
 * either bound is refused with a {@link RejectedExecutionException} (the web adapter answers 503),
 * rather than piling up behind a flood.
 */
final class HashingPermits {

    private final Semaphore permits;
    private final int admitted;
    private final Duration longestWait;
    private final AtomicInteger inside = new AtomicInteger();

    HashingPermits(int threads, int queue, Duration longestWait) {
        if (threads < 1 || queue < 0 || longestWait.isNegative()) {
            throw new IllegalArgumentException("at least one hashing thread, a queue of zero or more, a wait of zero or more");
        }
        this.permits = new Semaphore(threads, true);
        this.admitted = threads + queue;
        this.longestWait = longestWait;
    }

    /** Runs the hash once a permit is free; refuses when the queue is full or the wait too long. */
    <T> T run(Supplier<T> hashing) {
        if (inside.incrementAndGet() > admitted) {
            inside.decrementAndGet();
            throw new RejectedExecutionException("password hashing is busy: the queue is full");
        }
        try {
            if (!permits.tryAcquire(longestWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new RejectedExecutionException("password hashing is busy: no turn within " + longestWait);
            }
            try {
                return hashing.get();
            } finally {
                permits.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RejectedExecutionException("interrupted while waiting to hash a password", e);
        } finally {
            inside.decrementAndGet();
        }
    }

    /**
     * The number of hashing threads: the configured one, or when it is not set (0) half the cores, at
     * least one — so a flood of sign-ins can take at most half the CPU, and the rest of the product
     * (health checks, every other request) keeps the other half.
     */
    static int threads(int configured) {
        return configured > 0 ? configured : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }
}
