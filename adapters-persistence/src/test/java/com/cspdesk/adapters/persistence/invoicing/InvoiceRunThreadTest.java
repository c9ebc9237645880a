package com.cspdesk.adapters.persistence.invoicing;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class InvoiceRunThreadTest {

    @Test
    void runsWorkOneAtATimeOnItsDaemonThreadAndGoesOnAfterAFailure() throws Exception {
        InvoiceRunThread background = new InvoiceRunThread();
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(2);
        try {
            background.submit(() -> {
                ran.add(Thread.currentThread().getName() + " daemon=" + Thread.currentThread().isDaemon());
                done.countDown();
                throw new IllegalStateException("a run failed");
            });
            background.submit(() -> {
                ran.add(Thread.currentThread().getName());
                done.countDown();
            });
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(ran).containsExactly("invoice-run daemon=true", "invoice-run");
        } finally {
            background.stop();
        }
    }

    @Test
    void refusesWorkBeyondItsQueueRatherThanQueueingWithoutBound() throws Exception {
        InvoiceRunThread background = new InvoiceRunThread();
        CountDownLatch release = new CountDownLatch(1);
        try {
            Runnable blocked = () -> {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            for (int i = 0; i <= InvoiceRunThread.QUEUE; i++) {
                assertThat(background.submit(blocked)).as("work %d", i).isTrue();
            }
            assertThat(background.submit(blocked)).as("one more than runs and waits").isFalse();
        } finally {
            release.countDown();
            background.stop();
        }
    }
}
