package com.cspdesk.application.invoicing.port.out;

import java.time.Duration;

/** A lock in the database (ShedLock), so a job runs on one instance at a time. */
public interface JobLock {

    /** Runs the task if the lock could be taken; false (nothing run) when another holds it. */
    boolean runExclusively(String name, Duration lockAtMostFor, Runnable task);
}
