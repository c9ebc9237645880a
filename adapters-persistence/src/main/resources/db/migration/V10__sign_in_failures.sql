-- Failed sign-ins per account (its lower-cased username) and per client address, shared by every
-- instance: a count and the last failure's instant, raised atomically with
-- INSERT … ON DUPLICATE KEY UPDATE (MariaDB, MySQL and H2 in MySQL mode alike). Never a password.
CREATE TABLE sign_in_failure (
    kind             VARCHAR(8)   NOT NULL,
    failure_key      VARCHAR(128) NOT NULL,
    failures         INT          NOT NULL,
    last_failure_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (kind, failure_key)
) ENGINE = InnoDB;
