-- Support requests that end (issue 16 item 4): a request's status moves (open, in_progress,
-- attention_needed, resolved, closed), both sides write notes on it, and support staff resolve it:
-- approved with an amount or declined with a reason, who and when. refund_credited is the refund
-- credited for the request, written once (the adapter sets it only where it is NULL): a request is
-- credited at most once, however often it is resolved. last_modified_at is NULL for requests filed
-- before this migration (read as their created_at). One column a statement: MariaDB and H2 in MySQL
-- mode both take this form.
ALTER TABLE service_request ADD COLUMN last_modified_at DATETIME(6) NULL;
ALTER TABLE service_request ADD COLUMN resolution_outcome VARCHAR(16) NULL;
ALTER TABLE service_request ADD COLUMN resolution_amount DECIMAL(19,4) NULL;
ALTER TABLE service_request ADD COLUMN resolution_currency CHAR(3) NULL;
ALTER TABLE service_request ADD COLUMN resolution_reason TEXT NULL;
ALTER TABLE service_request ADD COLUMN resolved_by VARCHAR(128) NULL;
ALTER TABLE service_request ADD COLUMN resolved_at DATETIME(6) NULL;
ALTER TABLE service_request ADD COLUMN refund_credited DECIMAL(19,4) NULL;
ALTER TABLE service_request ADD COLUMN refund_credited_currency CHAR(3) NULL;
-- Support's queue: the requests in one status, newest first.
CREATE INDEX ix_service_request_status ON service_request (status, created_at, id);

-- The notes of both sides: author_side 'partner' or 'support'; text at most 4,000 characters. position
-- keeps the order they were written in when two share an instant.
CREATE TABLE service_request_note (
    position     BIGINT       NOT NULL AUTO_INCREMENT,
    id           VARCHAR(64)  NOT NULL,
    request_id   VARCHAR(64)  NOT NULL,
    created_by   VARCHAR(128) NOT NULL,
    author_side  VARCHAR(16)  NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    text         TEXT         NOT NULL,
    PRIMARY KEY (position),
    CONSTRAINT uq_service_request_note_id UNIQUE (id),
    KEY ix_service_request_note_request (request_id, created_at, position),
    CONSTRAINT fk_service_request_note_request FOREIGN KEY (request_id) REFERENCES service_request (id)
) ENGINE = InnoDB;
