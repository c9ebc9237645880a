-- The transactional outbox of webhook events (issue 15): written in the transaction of the change it is
-- about, read and marked delivered by the delivery. A pointer to the change, never its data. Each event
-- has the next sequence of its ordering key (the resource), handed out under the key's head row lock,
-- so within a key the sequence (and the position) follows the commit order.
CREATE TABLE webhook_outbox_head (
    ordering_key  VARCHAR(255) NOT NULL,
    last_seq      BIGINT       NOT NULL,
    PRIMARY KEY (ordering_key)
) ENGINE = InnoDB;

CREATE TABLE webhook_event (
    position      BIGINT        NOT NULL AUTO_INCREMENT,
    id            VARCHAR(64)   NOT NULL,
    ordering_key  VARCHAR(255)  NOT NULL,
    ordering_seq  BIGINT        NOT NULL,
    event_name    VARCHAR(64)   NOT NULL,
    resource_uri  VARCHAR(255)  NOT NULL,
    resource_name VARCHAR(64)   NOT NULL,
    audit_uri     VARCHAR(1024) NULL,
    changed_at    DATETIME(6)   NOT NULL,
    delivered_at  DATETIME(6)   NULL,
    PRIMARY KEY (position),
    CONSTRAINT uq_webhook_event_id UNIQUE (id),
    CONSTRAINT uq_webhook_event_key_seq UNIQUE (ordering_key, ordering_seq),
    INDEX ix_webhook_event_pending (delivered_at, position)
) ENGINE = InnoDB;
