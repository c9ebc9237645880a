-- Registered applications (service callers, issue 14) and their credentials. A secret is never kept:
-- only its SHA-256 (hex) and a hint of its last characters. Revoked applications and credentials stay,
-- marked by revoked_at, for the activity log's sake; an application's roles are comma-separated names.
CREATE TABLE application (
    id          CHAR(36)     NOT NULL,
    name        VARCHAR(400) NOT NULL,
    roles       VARCHAR(255) NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    created_by  VARCHAR(128) NOT NULL,
    revoked_at  DATETIME(6)  NULL,
    PRIMARY KEY (id),
    INDEX ix_application_created (created_at, id)
) ENGINE = InnoDB;

CREATE TABLE application_credential (
    id              CHAR(36)    NOT NULL,
    application_id  CHAR(36)    NOT NULL,
    secret_hash     CHAR(64)    NOT NULL,
    hint            VARCHAR(16) NOT NULL,
    created_at      DATETIME(6) NOT NULL,
    revoked_at      DATETIME(6) NULL,
    PRIMARY KEY (id),
    INDEX ix_application_credential_application (application_id, created_at),
    CONSTRAINT fk_application_credential_application FOREIGN KEY (application_id) REFERENCES application (id)
) ENGINE = InnoDB;
