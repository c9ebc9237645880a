-- Multi-factor sign-in (issue 13): a user's TOTP factor and its recovery codes. The secret is sealed
-- (Tink AEAD, bound to its user) and the recovery codes are kept as SHA-256 hashes: neither is ever
-- in the table in clear. last_used_step: the last RFC 6238 time step a code was accepted for (-1:
-- none), raised only by "UPDATE … WHERE last_used_step < ?", so one code passes once. challenge_id and
-- challenge_attempts: the open second step of a sign-in and the codes tried against it. Deleting the
-- user deletes both.
CREATE TABLE second_factor (
    username            VARCHAR(128) NOT NULL,
    sealed_secret       VARCHAR(512) NOT NULL,
    confirmed           BOOLEAN      NOT NULL,
    last_used_step      BIGINT       NOT NULL,
    enrolled_at         DATETIME(6)  NOT NULL,
    challenge_id        VARCHAR(64)  NULL,
    challenge_attempts  INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (username),
    CONSTRAINT fk_second_factor_user FOREIGN KEY (username) REFERENCES user_account (username) ON DELETE CASCADE
) ENGINE = InnoDB;

CREATE TABLE second_factor_recovery_code (
    username   VARCHAR(128) NOT NULL,
    code_hash  CHAR(64)     NOT NULL,
    PRIMARY KEY (username, code_hash),
    CONSTRAINT fk_recovery_code_factor FOREIGN KEY (username) REFERENCES second_factor (username) ON DELETE CASCADE
) ENGINE = InnoDB;
