package com.cspdesk.adapters.http.webhooks;

import com.cspdesk.adapters.http.webhooks.DestinationAddressResolver.NoAddress;
import com.cspdesk.application.webhooks.port.out.WebhookTransport.Failure;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A name lookup that gives up after a bound. The receiver's owner runs the name servers of the
 * receiver's domain and can make a lookup hang; the JVM's own lookup cannot be interrupted, so it runs
 * on a thread of a small pool while the attempt waits at most {@code bound}. A lookup that outlasts it
 * keeps its thread until the system resolver gives up; when every thread is so held, a new lookup
 * fails at once rather than queueing.
 */
final class BoundedLookup implements DestinationAddressResolver.Lookup, AutoCloseable {

    private static final int MAX_LOOKUPS = 8;

    private final DestinationAddressResolver.Lookup lookup;
    private final Duration bound;
    private final ThreadPoolExecutor threads;

    BoundedLookup(DestinationAddressResolver.Lookup lookup, Duration bound) {
        this.lookup = lookup;
        this.bound = bound;
        this.threads = new ThreadPoolExecutor(0, MAX_LOOKUPS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                runnable -> {
                    Thread thread = Executors.defaultThreadFactory().newThread(runnable);
                    thread.setName("webhook-name-lookup");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @Override
    public InetAddress[] allAddressesOf(String host) throws UnknownHostException {
        Future<InetAddress[]> found;
        try {
            found = threads.submit(() -> lookup.allAddressesOf(host));
        } catch (RejectedExecutionException e) {
            throw new NoAddress(host, Failure.TIMED_OUT);
        }
        try {
            return found.get(bound.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            found.cancel(true);
            throw new NoAddress(host, Failure.TIMED_OUT);
        } catch (InterruptedException e) {
            found.cancel(true);
            Thread.currentThread().interrupt();
            throw new NoAddress(host, Failure.TIMED_OUT);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownHostException) {
                throw (UnknownHostException) e.getCause();
            }
            // A SecurityException or the like: no address either way.
            throw new NoAddress(host, Failure.UNRESOLVABLE);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
