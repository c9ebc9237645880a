package com.cspdesk.contracts;

import com.cspdesk.application.invoicing.port.out.BackgroundWork;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link BackgroundWork} must do: work goes on after submit answered, one piece after
 * the other, a failing piece does not stop the next, and work beyond the adapter's capacity is
 * refused ({@code false}) rather than queued without bound.
 */
public abstract class BackgroundWorkContract {

    protected abstract BackgroundWork background();

    /** How many pieces of work may run and wait at once; one more is refused. */
    protected abstract int capacity();

    @Test
    void runsWorkAfterSubmitAnsweredOneAfterTheOtherAndGoesOnAfterAFailure() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch submitted = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(2);

        assertThat(background().submit(() -> {
            Latches.await(submitted);
            ran.add("first");
            done.countDown();
            throw new IllegalStateException("a run failed");
        })).isTrue();
        assertThat(background().submit(() -> {
            ran.add("second");
            done.countDown();
        })).isTrue();
        submitted.countDown();

        assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).containsExactly("first", "second");
    }

    @Test
    void refusesWorkBeyondItsCapacityRatherThanQueueingWithoutBound() {
        CountDownLatch release = new CountDownLatch(1);
        try {
            Runnable blocked = () -> Latches.await(release);
            for (int i = 0; i < capacity(); i++) {
                assertThat(background().submit(blocked)).as("work %d", i).isTrue();
            }
            assertThat(background().submit(blocked)).as("one more than runs and waits").isFalse();
        } finally {
            release.countDown();
        }
    }
}
