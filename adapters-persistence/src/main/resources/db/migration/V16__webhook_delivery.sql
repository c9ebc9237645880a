-- Webhook delivery (issue 15): each outboxed event's delivery to the registration, written in the event's
-- own transaction, and the log of its attempts. A delivery copies its event's ordering key and sequence,
-- so "no earlier delivery of the key still pending" is one index range. The registration gains its
-- health: since when its deliveries fail, and when the desk switched it off for that.
-- The event's delivered_at (V15) gives way to the deliveries' own state.
DROP INDEX ix_webhook_event_pending ON webhook_event;
ALTER TABLE webhook_event DROP COLUMN delivered_at;

ALTER TABLE webhook_registration ADD COLUMN failing_since DATETIME(6) NULL;
ALTER TABLE webhook_registration ADD COLUMN disabled_at DATETIME(6) NULL;

CREATE TABLE webhook_delivery (
    position            BIGINT       NOT NULL AUTO_INCREMENT,
    registration_id     CHAR(36)     NOT NULL,
    event_id            VARCHAR(64)  NOT NULL,
    ordering_key        VARCHAR(255) NOT NULL,
    ordering_seq        BIGINT       NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    attempts            INT          NOT NULL,
    next_attempt_at     DATETIME(6)  NULL,
    first_attempt_at    DATETIME(6)  NULL,
    last_attempt_at     DATETIME(6)  NULL,
    last_response_code  INT          NULL,
    delivered_at        DATETIME(6)  NULL,
    PRIMARY KEY (position),
    CONSTRAINT uq_webhook_delivery_event UNIQUE (registration_id, event_id),
    INDEX ix_webhook_delivery_due (status, next_attempt_at),
    INDEX ix_webhook_delivery_key (registration_id, ordering_key, ordering_seq),
    INDEX ix_webhook_delivery_event (event_id),
    INDEX ix_webhook_delivery_log (registration_id, status),
    CONSTRAINT fk_webhook_delivery_registration FOREIGN KEY (registration_id)
        REFERENCES webhook_registration (id) ON DELETE CASCADE,
    CONSTRAINT fk_webhook_delivery_event FOREIGN KEY (event_id) REFERENCES webhook_event (id)
) ENGINE = InnoDB;

CREATE TABLE webhook_attempt (
    delivery_position  BIGINT       NOT NULL,
    number             INT          NOT NULL,
    attempted_at       DATETIME(6)  NOT NULL,
    response_code      INT          NULL,
    latency_ms         BIGINT       NOT NULL,
    failure            VARCHAR(32)  NULL,
    detail             VARCHAR(200) NULL,
    PRIMARY KEY (delivery_position, number),
    CONSTRAINT fk_webhook_attempt_delivery FOREIGN KEY (delivery_position)
        REFERENCES webhook_delivery (position) ON DELETE CASCADE
) ENGINE = InnoDB;
