package com.cspdesk.application.invoicing.port.out;

/** Work that goes on after the request that started it has been answered. */
public interface BackgroundWork {

    /** Queues the work; {@code false}, with nothing queued, when too much work waits already. */
    boolean submit(Runnable work);
}
