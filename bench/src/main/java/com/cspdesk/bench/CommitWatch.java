package com.cspdesk.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Collectors;

/**
 * Watches, during a fault phase, whether any node of the cluster could commit: the times when none could are the
 * times a 503 is the right answer ("503 only while no node can commit", issue #19). Observed, not assumed: on a
 * loaded 2-core machine with the bench's short group timeouts a node's rejoin can leave the others without a primary
 * component for seconds, well after the fault itself.
 *
 * <p>One thread per node asks it every {@value #PROBE_EVERY_MS} ms ({@link Galera#canCommit}, timeouts of
 * {@value #PROBE_TIMEOUT_MS} ms); a sampler every {@value #SAMPLE_EVERY_MS} ms counts a node able to commit when its last
 * "yes" is younger than {@value #FRESH_MS} ms, and records the intervals in which no node was.
 */
final class CommitWatch implements AutoCloseable {

    private static final int PROBE_EVERY_MS = 200;
    private static final int PROBE_TIMEOUT_MS = 500;
    private static final int SAMPLE_EVERY_MS = 100;
    private static final long FRESH_MS = 1_000;

    private final long phaseStart;
    private final AtomicLongArray lastYes;
    private final List<Thread> threads = new ArrayList<>();
    private final List<long[]> noCommit = new ArrayList<>();
    private volatile boolean running = true;

    /** Starts watching; times are ns from {@code phaseStart} (System.nanoTime). */
    CommitWatch(Galera galera, long phaseStart) {
        this.phaseStart = phaseStart;
        this.lastYes = new AtomicLongArray(galera.size());
        for (int i = 0; i < galera.size(); i++) {
            lastYes.set(i, System.nanoTime()); // every node committed when the phase began (the bench checks Synced first)
            int node = i;
            start("commit-watch-" + (i + 1), () -> {
                while (running) {
                    if (galera.canCommit(node, PROBE_TIMEOUT_MS)) {
                        lastYes.set(node, System.nanoTime());
                    }
                    Db.sleep(PROBE_EVERY_MS);
                }
            });
        }
        start("commit-watch", this::sample);
    }

    private void start(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        threads.add(thread);
    }

    private void sample() {
        long since = -1;
        while (running) {
            long now = System.nanoTime();
            boolean any = false;
            for (int i = 0; i < lastYes.length(); i++) {
                any |= now - lastYes.get(i) < TimeUnit.MILLISECONDS.toNanos(FRESH_MS);
            }
            if (!any && since < 0) {
                since = now - phaseStart;
            } else if (any && since >= 0) {
                synchronized (noCommit) {
                    noCommit.add(new long[]{since, now - phaseStart});
                }
                since = -1;
            }
            Db.sleep(SAMPLE_EVERY_MS);
        }
        if (since >= 0) {
            synchronized (noCommit) {
                noCommit.add(new long[]{since, Long.MAX_VALUE});
            }
        }
    }

    /** The intervals (ns from the phase start) in which no node could commit; the last may be open (Long.MAX_VALUE). */
    List<long[]> noCommit() {
        synchronized (noCommit) {
            return List.copyOf(noCommit);
        }
    }

    /** The intervals as text, in seconds from the phase start: "none" or "12.3–17.9 s, …". */
    String describe() {
        List<long[]> intervals = noCommit();
        return intervals.isEmpty() ? "none" : intervals.stream()
                .map(iv -> String.format("%.1f–%s s", iv[0] / 1e9, iv[1] == Long.MAX_VALUE ? "end" : String.format("%.1f", iv[1] / 1e9)))
                .collect(Collectors.joining(", "));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(2_000);
        }
    }
}
