package com.cspdesk.bootstrap.startup;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delivery threads against a stand-in for the delivery use case (its in-port): idle, only the lookout asks
 * for due deliveries; once it finds some, every thread works. The waits below are safety nets, never measurements.
 */
class WebhookDispatchTest {

    private static final int THREADS = 8;
    private static final Duration POLL = Duration.ofMillis(5);
    private static final long SAFETY_NET_SECONDS = 30;

    private WebhookDispatch dispatch;

    @AfterEach
    void stop() throws InterruptedException {
        if (dispatch != null) {
            dispatch.stop();
        }
    }

    @Test
    void withNothingDueOnlyTheLookoutAsks() throws InterruptedException {
        List<String> askedBy = new CopyOnWriteArrayList<>();
        CountDownLatch fortyLooks = new CountDownLatch(40);
        dispatch = new WebhookDispatch(max -> {
            askedBy.add(Thread.currentThread().getName());
            fortyLooks.countDown();
            return 0;
        }, THREADS, POLL);

        dispatch.start(null);

        assertThat(fortyLooks.await(SAFETY_NET_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(Set.copyOf(askedBy)).as("threads that asked while nothing was due").hasSize(1);
    }

    @Test
    void workFoundWakesEveryThreadAndTheyGoBackToWaitingOnceNothingIsDue() throws InterruptedException {
        Set<String> worked = ConcurrentHashMap.newKeySet();
        CountDownLatch everyThreadJoined = new CountDownLatch(THREADS);
        AtomicReference<String> lookout = new AtomicReference<>();
        AtomicInteger othersAskedAfterwards = new AtomicInteger();
        CountDownLatch lookoutLookedAgain = new CountDownLatch(200);
        dispatch = new WebhookDispatch(max -> {
            String thread = Thread.currentThread().getName();
            lookout.compareAndSet(null, thread); // helpers wait at first: the first to ask is the lookout
            if (everyThreadJoined.getCount() > 0) {
                // A burst: each look finds a delivery until every thread has joined in.
                if (worked.add(thread)) {
                    everyThreadJoined.countDown();
                }
                return 1;
            }
            if (thread.equals(lookout.get())) {
                lookoutLookedAgain.countDown();
            } else {
                othersAskedAfterwards.incrementAndGet();
            }
            return 0;
        }, THREADS, POLL);

        dispatch.start(null);

        assertThat(everyThreadJoined.await(SAFETY_NET_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(worked).hasSize(THREADS);
        assertThat(lookoutLookedAgain.await(SAFETY_NET_SECONDS, TimeUnit.SECONDS)).isTrue();
        // Once nothing is due a helper asks again only when woken by work found after its last look: at most once
        // for each wake-up of the burst still on its way (THREADS) and once for its own last look.
        assertThat(othersAskedAfterwards.get()).as("helpers' looks while the lookout looked 200 times")
                .isLessThanOrEqualTo((THREADS - 1) * (THREADS + 1));
    }

    @Test
    void theLookoutLooksAgainSoonAfterWorkAndBacksOffToThePollInterval() {
        Duration poll = Duration.ofMillis(500);
        Duration shared = Duration.ofMillis(62).plusNanos(500_000); // 500 ms among 8 threads
        assertThat(WebhookDispatch.nextPause(poll, true, poll, 8)).isEqualTo(shared);
        assertThat(WebhookDispatch.nextPause(shared, false, poll, 8)).isEqualTo(Duration.ofMillis(125));
        assertThat(WebhookDispatch.nextPause(Duration.ofMillis(125), false, poll, 8)).isEqualTo(Duration.ofMillis(250));
        assertThat(WebhookDispatch.nextPause(Duration.ofMillis(250), false, poll, 8)).isEqualTo(poll);
        assertThat(WebhookDispatch.nextPause(Duration.ofMillis(400), false, poll, 8)).as("never past the poll interval")
                .isEqualTo(poll);
        assertThat(WebhookDispatch.nextPause(poll, false, poll, 8)).as("idle: once a poll interval").isEqualTo(poll);
        assertThat(WebhookDispatch.nextPause(Duration.ZERO, false, poll, 8)).as("never shorter than the shared interval")
                .isEqualTo(shared);
        assertThat(WebhookDispatch.nextPause(poll, true, poll, 1)).as("one thread: the poll interval").isEqualTo(poll);
    }

    @Test
    void aFailingStorePausesTheLookoutWithoutEndingDelivery() throws InterruptedException {
        CountDownLatch askedAgain = new CountDownLatch(2);
        dispatch = new WebhookDispatch(max -> {
            askedAgain.countDown();
            throw new IllegalStateException("database down");
        }, 2, POLL);

        dispatch.start(null);

        // The pause after a failure is 5 s; the lookout asks again after it.
        assertThat(askedAgain.await(SAFETY_NET_SECONDS, TimeUnit.SECONDS)).isTrue();
    }
}
