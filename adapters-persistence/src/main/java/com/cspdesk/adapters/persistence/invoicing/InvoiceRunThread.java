package com.cspdesk.adapters.persistence.invoicing;

import com.cspdesk.application.invoicing.port.out.BackgroundWork;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Invoice runs started through the API go on after the request was answered, one at a time, on one
 * daemon thread named {@code invoice-run} (a run holds the database job lock anyway, so a second
 * thread would only wait or be skipped). At most {@value #QUEUE} runs wait behind it; one more is
 * refused ({@code submit} answers false) rather than queued without bound. A failing run is logged here (the run itself records itself as failed). Not Micronaut's IO
 * or scheduled pool: a month's invoicing may take minutes and must not hold a thread that requests
 * or scheduled jobs wait for.
 */
@Singleton
class InvoiceRunThread implements BackgroundWork {

    static final String THREAD_NAME = "invoice-run";
    static final int QUEUE = 16;
    private static final Logger LOG = LoggerFactory.getLogger(InvoiceRunThread.class);

    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE), work -> {
                Thread thread = new Thread(work, THREAD_NAME);
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.AbortPolicy());

    @Override
    public boolean submit(Runnable work) {
        try {
            executor.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.error("background work failed", e);
                }
            });
            return true;
        } catch (RejectedExecutionException full) {
            return false;
        }
    }

    /** When the application stops, running and waiting work gets 10 seconds; then it is interrupted and dropped. */
    @PreDestroy
    void stop() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }
}
