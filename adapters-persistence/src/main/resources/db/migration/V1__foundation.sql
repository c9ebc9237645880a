-- Foundation: users, idempotency records and the sandbox clock.
-- Written for MySQL 8 / MariaDB and run unchanged on H2 in MySQL mode (the embedded demo).

CREATE TABLE user_account (
    username            VARCHAR(128) NOT NULL,
    password_hash       VARCHAR(255) NOT NULL,
    roles               VARCHAR(512) NOT NULL,
    customer_tenant_id  CHAR(36)     NULL,
    created_at          DATETIME(6)  NOT NULL,
    PRIMARY KEY (username),
    KEY ix_user_account_tenant (customer_tenant_id)
) ENGINE = InnoDB;

-- First response of a state-changing request, by caller and MS-RequestId (api.md "Idempotency").
CREATE TABLE idempotency_record (
    scope                  VARCHAR(128)  NOT NULL,
    idem_key               VARCHAR(128)  NOT NULL,
    fingerprint            CHAR(64)      NOT NULL,
    created_at             DATETIME(6)   NOT NULL,
    response_status        INT           NULL,
    response_content_type  VARCHAR(128)  NULL,
    response_body          MEDIUMTEXT    NULL,
    response_location      VARCHAR(1024) NULL,
    PRIMARY KEY (scope, idem_key),
    KEY ix_idempotency_record_created (created_at)
) ENGINE = InnoDB;

-- One row: how far the sandbox clock runs ahead of real time, in nanoseconds.
CREATE TABLE sandbox_clock (
    id             TINYINT     NOT NULL,
    offset_nanos   BIGINT      NOT NULL,
    updated_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB;
