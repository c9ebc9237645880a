package com.cspdesk.bench;

import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A closed-loop load driver: N threads, each sending its next request when the last one answered,
 * for a warm-up (not recorded) and then a measured window, bounded by time and by a maximum count.
 * Latencies in microseconds go into one HdrHistogram per thread, merged at the end.
 */
final class LoadDriver {

    /** One request; answers its outcome code (an HTTP status, or 0 for a transport error). */
    @FunctionalInterface
    interface Op {
        int call(int client, long sequence) throws Exception;
    }

    /** {@code sent}: every request, warm-up included. */
    record Result(String name, int clients, long ok, long failed, double seconds, Histogram latency,
                  Map<Integer, Long> outcomes, long sent) {
        double perSecond() {
            return seconds <= 0 ? 0 : ok / seconds;
        }

        double p50() {
            return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(50) / 1000.0;
        }

        double p99() {
            return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(99) / 1000.0;
        }

        double max() {
            return latency.getTotalCount() == 0 ? Double.NaN : latency.getMaxValue() / 1000.0;
        }

        @Override
        public String toString() {
            return String.format("%s @%d: %.0f/s p50 %.2f ms p99 %.2f ms (ok %d, failed %d, %s)", name, clients,
                    perSecond(), p50(), p99(), ok, failed, outcomes);
        }
    }

    private LoadDriver() {
    }

    /**
     * Runs {@code op} from {@code clients} threads: {@code warmup} unrecorded, then {@code measure}
     * recorded, at most {@code maxOps} measured operations. An outcome counts as success when it is
     * {@code successStatus} (e.g. 201 or 200). Each outcome's count is in {@link Result#outcomes()}.
     */
    static Result run(String name, int clients, Duration warmup, Duration measure, long maxOps, int successStatus, Op op) {
        return run(name, clients, warmup, measure, maxOps, status -> status == successStatus, op);
    }

    /** As above, with several outcomes that count as success (e.g. 200 and 304 for a revalidating client). */
    static Result run(String name, int clients, Duration warmup, Duration measure, long maxOps,
                      java.util.function.IntPredicate success, Op op) {
        ExecutorService pool = Executors.newFixedThreadPool(clients, r -> {
            Thread t = new Thread(r, "load-" + name);
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        AtomicLong sequence = new AtomicLong();
        AtomicLong measured = new AtomicLong();
        LongAdder ok = new LongAdder();
        LongAdder failed = new LongAdder();
        Map<Integer, LongAdder> outcomes = new ConcurrentHashMap<>();
        List<Histogram> histograms = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(clients);
        AtomicLong lastMeasuredEnd = new AtomicLong(measureFrom);
        for (int c = 0; c < clients; c++) {
            Histogram h = new Histogram(TimeUnit.SECONDS.toMicros(120), 3);
            histograms.add(h);
            int client = c;
            pool.execute(() -> {
                try {
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 >= end) {
                            break;
                        }
                        boolean recording = t0 >= measureFrom;
                        if (recording && measured.incrementAndGet() > maxOps) {
                            break;
                        }
                        int status;
                        try {
                            status = op.call(client, sequence.getAndIncrement());
                        } catch (Exception e) {
                            status = 0;
                        }
                        long t1 = System.nanoTime();
                        if (recording) {
                            h.recordValue(Math.min(h.getHighestTrackableValue(), Math.max(1, (t1 - t0) / 1000)));
                            outcomes.computeIfAbsent(status, s -> new LongAdder()).increment();
                            if (success.test(status)) {
                                ok.increment();
                            } else {
                                failed.increment();
                            }
                            lastMeasuredEnd.accumulateAndGet(t1, Math::max);
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        try {
            // Bounded: the window plus a grace period for requests in flight (their own timeouts are shorter).
            done.await(warmup.plus(measure).plusSeconds(60).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
        Histogram all = new Histogram(TimeUnit.SECONDS.toMicros(120), 3);
        histograms.forEach(all::add);
        double seconds = (lastMeasuredEnd.get() - measureFrom) / 1e9;
        Map<Integer, Long> counted = new TreeMap<>();
        outcomes.forEach((k, v) -> counted.put(k, v.sum()));
        return new Result(name, clients, ok.sum(), failed.sum(), seconds, all, counted, sequence.get());
    }
}
