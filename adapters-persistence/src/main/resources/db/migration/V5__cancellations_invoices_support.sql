-- Cancellations (credit notes), monthly invoices and their runs, the job lock (ShedLock), and
-- customer support requests with their attachments.
-- Written for MySQL 8 / MariaDB and run unchanged on H2 in MySQL mode (the embedded demo).
-- Money is DECIMAL(19,4) in the currency of its row; the adapters read it back at the currency's
-- minor unit. Instants are UTC in DATETIME(6).

-- ---------------------------------------------------------------------------------------------
-- Credit notes: one per cancelled order line (spec "Post-cancellation details": the credit lands
-- on the next monthly invoice). Amounts are positive (what is given back). A line is credited
-- once: (order_id, line_item_number) is unique.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE credit_note (
    id                  VARCHAR(64)   NOT NULL,
    customer_tenant_id  VARCHAR(36)   NOT NULL,
    order_id            VARCHAR(64)   NOT NULL,
    line_item_number    INT           NOT NULL,
    product_kind        VARCHAR(40)   NOT NULL,
    currency            CHAR(3)       NOT NULL,
    net                 DECIMAL(19,4) NOT NULL,
    tax                 DECIMAL(19,4) NOT NULL,
    gross               DECIMAL(19,4) NOT NULL,
    issued_at           DATETIME(6)   NOT NULL,
    issued_by           VARCHAR(128)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY ux_credit_note_line (order_id, line_item_number),
    -- reservation refunds of one customer since a date (the refund allowance)
    KEY ix_credit_note_tenant_kind_issued (customer_tenant_id, product_kind, issued_at),
    -- credits of one currency not invoiced yet, up to a month's end
    KEY ix_credit_note_currency_issued (currency, issued_at),
    CONSTRAINT fk_credit_note_line FOREIGN KEY (order_id, line_item_number)
        REFERENCES order_line (order_id, line_item_number)
) ENGINE = InnoDB;

-- ---------------------------------------------------------------------------------------------
-- Invoices: one per billing month ('YYYY-MM') and currency. The totals are SQL sums of the
-- invoice's lines, stored when the invoice is made (an invoice never changes afterwards):
-- charges_* and credits_* are both positive sums, total_* = charges - credits (may be negative).
-- ---------------------------------------------------------------------------------------------
CREATE TABLE invoice (
    id              VARCHAR(64)   NOT NULL,
    billing_month   CHAR(7)       NOT NULL,
    currency        CHAR(3)       NOT NULL,
    issued_at       DATETIME(6)   NOT NULL,
    invoiced_until  DATETIME(6)   NOT NULL,
    line_count      INT           NOT NULL,
    charges_net     DECIMAL(19,4) NOT NULL,
    charges_tax     DECIMAL(19,4) NOT NULL,
    charges_gross   DECIMAL(19,4) NOT NULL,
    credits_net     DECIMAL(19,4) NOT NULL,
    credits_tax     DECIMAL(19,4) NOT NULL,
    credits_gross   DECIMAL(19,4) NOT NULL,
    total_net       DECIMAL(19,4) NOT NULL,
    total_tax       DECIMAL(19,4) NOT NULL,
    total_gross     DECIMAL(19,4) NOT NULL,
    PRIMARY KEY (id),
    -- one invoice per month and currency; also the order of the invoice list
    UNIQUE KEY ux_invoice_month_currency (billing_month, currency)
) ENGINE = InnoDB;

-- An invoice's items: kind 'charge' (an order line, occurred_at = the order's creation) or
-- 'credit' (a credit note, occurred_at = its issue; source_id = the credit note's id). Amounts as
-- they count on the invoice: charges positive, credits NEGATIVE, so SUM over an invoice is its
-- total. Names are a snapshot taken when the invoice is made.
-- ux_invoice_line_source: an order line is charged on at most one invoice and credited on at most
-- one (a credit note is unique per order line); it is also the anti-join of the invoice run.
-- Two indexes only, and the run fills both in key order (it reads the order lines in key order):
-- an index in display order (by customer name) cost the run 60 % more on MariaDB, so the lines
-- are sorted by name when read (one invoice's rows, found by the primary key's prefix).
CREATE TABLE invoice_line (
    invoice_id          VARCHAR(64)   NOT NULL,
    kind                VARCHAR(8)    NOT NULL,
    order_id            VARCHAR(64)   NOT NULL,
    line_item_number    INT           NOT NULL,
    source_id           VARCHAR(64)   NULL,
    customer_tenant_id  VARCHAR(36)   NOT NULL,
    customer_name       VARCHAR(255)  NOT NULL,
    description         VARCHAR(600)  NOT NULL,
    occurred_at         DATETIME(6)   NOT NULL,
    net                 DECIMAL(19,4) NOT NULL,
    tax                 DECIMAL(19,4) NOT NULL,
    gross               DECIMAL(19,4) NOT NULL,
    PRIMARY KEY (invoice_id, kind, order_id, line_item_number),
    UNIQUE KEY ux_invoice_line_source (kind, order_id, line_item_number),
    CONSTRAINT fk_invoice_line_invoice FOREIGN KEY (invoice_id) REFERENCES invoice (id)
) ENGINE = InnoDB;

-- Invoice runs and their progress (status running, completed, skipped or failed).
CREATE TABLE invoice_run (
    id                VARCHAR(64)  NOT NULL,
    billing_month     CHAR(7)      NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    started_at        DATETIME(6)  NOT NULL,
    finished_at       DATETIME(6)  NULL,
    currencies_total  INT          NOT NULL,
    currencies_done   INT          NOT NULL,
    invoices_created  INT          NOT NULL,
    started_by        VARCHAR(128) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_invoice_run_month (billing_month, started_at)
) ENGINE = InnoDB;

-- ShedLock's JDBC lock table (its documented MySQL layout, with DATETIME(3) instead of
-- TIMESTAMP(3): no 2038 limit, no session-time-zone conversion, no implicit ON UPDATE on MariaDB
-- servers with explicit_defaults_for_timestamp off). ShedLock writes every column itself.
CREATE TABLE shedlock (
    name        VARCHAR(64)  NOT NULL,
    lock_until  DATETIME(3)  NOT NULL,
    locked_at   DATETIME(3)  NOT NULL,
    locked_by   VARCHAR(255) NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB;

-- ---------------------------------------------------------------------------------------------
-- Customer support requests (spec "Submit a customer support request to cancel a purchase").
-- customer_tenant_id_or_domain is what the request names (the desk stores the tenant id).
-- ---------------------------------------------------------------------------------------------
CREATE TABLE service_request (
    id                            VARCHAR(64)   NOT NULL,
    status                        VARCHAR(16)   NOT NULL,
    category                      VARCHAR(64)   NOT NULL,
    impact                        VARCHAR(16)   NOT NULL,
    title                         VARCHAR(200)  NOT NULL,
    customer_tenant_id_or_domain  VARCHAR(255)  NOT NULL,
    order_id                      VARCHAR(64)   NULL,
    subscription_id               VARCHAR(64)   NULL,
    refund_reason                 TEXT          NOT NULL,
    amount_requested              DECIMAL(19,4) NOT NULL,
    amount_currency               CHAR(3)       NOT NULL,
    contact_name                  VARCHAR(200)  NOT NULL,
    contact_email                 VARCHAR(320)  NOT NULL,
    contact_phone                 VARCHAR(32)   NOT NULL,
    created_at                    DATETIME(6)   NOT NULL,
    created_by                    VARCHAR(128)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_service_request_created (created_at, id),
    KEY ix_service_request_customer (customer_tenant_id_or_domain, created_at)
) ENGINE = InnoDB;

-- Attachments live in the database, never on disk under the name a user gave. content_type is
-- what the bytes were sniffed as; size_bytes their length. MEDIUMBLOB holds up to 16 MiB (the
-- desk allows 5 MiB). Metadata queries never select content.
CREATE TABLE service_request_attachment (
    id            VARCHAR(64)  NOT NULL,
    request_id    VARCHAR(64)  NOT NULL,
    file_name     VARCHAR(255) NOT NULL,
    content_type  VARCHAR(255) NOT NULL,
    size_bytes    BIGINT       NOT NULL,
    added_at      DATETIME(6)  NOT NULL,
    content       MEDIUMBLOB   NOT NULL,
    PRIMARY KEY (id),
    KEY ix_service_request_attachment_request (request_id, added_at, id),
    CONSTRAINT fk_service_request_attachment_request FOREIGN KEY (request_id) REFERENCES service_request (id)
) ENGINE = InnoDB;
