package com.cspdesk.bootstrap.startup;

import com.cspdesk.application.idempotency.IdempotentExecution;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Forgets idempotency records past their retention. Safe on several instances at once. */
@Singleton
class Housekeeping {

    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

    private final IdempotentExecution idempotentExecution;

    Housekeeping(IdempotentExecution idempotentExecution) {
        this.idempotentExecution = idempotentExecution;
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "5m")
    void forgetExpiredIdempotencyRecords() {
        int forgotten = idempotentExecution.forgetExpired();
        if (forgotten > 0) {
            LOG.info("Forgot {} idempotency records past retention", forgotten);
        }
    }
}
