package com.cspdesk.application.invoicing.port.out;

/** Work that goes on after the request that started it has been answered. */
public interface BackgroundWork {

    void submit(Runnable work);
}
