package com.cspdesk.bootstrap.startup;

import com.cspdesk.application.webhooks.port.in.ForgetOldWebhookLog;
import com.cspdesk.application.idempotency.IdempotentExecution;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets idempotency records past their retention, and the settled webhook log past its own
 * (WebhookLogRetention). Safe on several instances at once: each delete takes what is still there.
 */
@Singleton
class Housekeeping {

    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

    private final IdempotentExecution idempotentExecution;
    private final ForgetOldWebhookLog webhookLog;

    Housekeeping(IdempotentExecution idempotentExecution, ForgetOldWebhookLog webhookLog) {
        this.idempotentExecution = idempotentExecution;
        this.webhookLog = webhookLog;
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "5m")
    void forgetExpiredIdempotencyRecords() {
        int forgotten = idempotentExecution.forgetExpired();
        if (forgotten > 0) {
            LOG.info("Forgot {} idempotency records past retention", forgotten);
        }
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "7m")
    void forgetOldWebhookLog() {
        int forgotten = webhookLog.forgetOld();
        if (forgotten > 0) {
            LOG.info("Forgot {} settled webhook deliveries and events past retention", forgotten);
        }
    }
}
