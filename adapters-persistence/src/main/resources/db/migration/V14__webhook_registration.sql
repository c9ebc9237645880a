-- The partner's webhook registration (issue 15): one per partner, as in Partner Center, so the table
-- holds at most one row (its primary key is a constant slot, 1). Events are Partner Center's names,
-- comma-separated; the signing secret is sealed (authenticated encryption bound to the registration's
-- id), never kept in clear, for delivery must sign with it.
CREATE TABLE webhook_registration (
    slot           TINYINT       NOT NULL,
    id             CHAR(36)      NOT NULL,
    url            VARCHAR(2048) NOT NULL,
    events         VARCHAR(1024) NOT NULL,
    sealed_secret  VARCHAR(1024) NOT NULL,
    created_at     DATETIME(6)   NOT NULL,
    created_by     VARCHAR(128)  NOT NULL,
    updated_at     DATETIME(6)   NOT NULL,
    PRIMARY KEY (slot),
    CONSTRAINT ck_webhook_registration_slot CHECK (slot = 1),
    UNIQUE KEY uq_webhook_registration_id (id)
) ENGINE = InnoDB;
