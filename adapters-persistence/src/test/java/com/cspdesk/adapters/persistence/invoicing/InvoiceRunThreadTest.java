package com.cspdesk.adapters.persistence.invoicing;

import com.cspdesk.application.invoicing.port.out.BackgroundWork;
import com.cspdesk.contracts.BackgroundWorkContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The background thread, whichever adapter keeps the data (it is no database adapter: the memory
 * adapter uses it too), against {@link BackgroundWorkContract}; and that it is one daemon thread
 * named {@value InvoiceRunThread#THREAD_NAME}.
 */
class InvoiceRunThreadTest extends BackgroundWorkContract {

    private final InvoiceRunThread background = new InvoiceRunThread();

    @AfterEach
    void stop() throws InterruptedException {
        background.stop();
    }

    @Override
    protected BackgroundWork background() {
        return background;
    }

    /** The one running and the {@value InvoiceRunThread#QUEUE} waiting. */
    @Override
    protected int capacity() {
        return InvoiceRunThread.QUEUE + 1;
    }

    @Test
    void runsOnItsOwnNamedDaemonThread() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);

        background.submit(() -> {
            ran.add(Thread.currentThread().getName() + " daemon=" + Thread.currentThread().isDaemon());
            done.countDown();
        });

        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).containsExactly("invoice-run daemon=true");
    }
}
