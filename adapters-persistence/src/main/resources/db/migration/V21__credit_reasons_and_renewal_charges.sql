-- Issue #16: an order line may be credited more than once — its cancellation (at most one), the
-- cancellation of a renewal, a refund support approved, goodwill — and a subscription line is charged
-- again for each renewed term. Each credit note has a reason and, per line, a sequence number (0 is
-- the cancellation's); each invoice line says which of its source's items it is (seq: a charge's term
-- number less one — 0 the purchase, n the n-th renewal — or the credit note's seq).

ALTER TABLE credit_note ADD COLUMN seq INT NOT NULL DEFAULT 0;
ALTER TABLE credit_note ADD COLUMN reason VARCHAR(24) NOT NULL DEFAULT 'cancellation';
ALTER TABLE credit_note ADD COLUMN explanation VARCHAR(1000) NULL;
-- The service request of an approved refund, the term of a cancelled renewal: credited once.
ALTER TABLE credit_note ADD COLUMN source_ref VARCHAR(64) NULL;
-- Keys are remade with their foreign keys off: H2 would keep a unique index its foreign key uses, and
-- MariaDB needs an index for the foreign key at every step. Dropped as constraints, which both accept.
ALTER TABLE credit_note DROP CONSTRAINT fk_credit_note_line;
ALTER TABLE credit_note DROP CONSTRAINT ux_credit_note_line;
CREATE UNIQUE INDEX ux_credit_note_line_seq ON credit_note (order_id, line_item_number, seq);
CREATE UNIQUE INDEX ux_credit_note_source ON credit_note (reason, source_ref, order_id, line_item_number);
ALTER TABLE credit_note ADD CONSTRAINT fk_credit_note_line FOREIGN KEY (order_id, line_item_number)
    REFERENCES order_line (order_id, line_item_number);

ALTER TABLE invoice_line ADD COLUMN seq INT NOT NULL DEFAULT 0;
ALTER TABLE invoice_line DROP CONSTRAINT fk_invoice_line_invoice;
ALTER TABLE invoice_line DROP PRIMARY KEY;
ALTER TABLE invoice_line ADD PRIMARY KEY (invoice_id, kind, order_id, line_item_number, seq);
ALTER TABLE invoice_line DROP CONSTRAINT ux_invoice_line_source;
CREATE UNIQUE INDEX ux_invoice_line_item ON invoice_line (kind, order_id, line_item_number, seq);
ALTER TABLE invoice_line ADD CONSTRAINT fk_invoice_line_invoice FOREIGN KEY (invoice_id) REFERENCES invoice (id);

-- A subscription's renewed terms (term 2 onwards), each charged on the invoice of the month it starts in.
CREATE TABLE subscription_term (
    order_id            VARCHAR(64)   NOT NULL,
    line_item_number    INT           NOT NULL,
    term_number         INT           NOT NULL,
    customer_tenant_id  VARCHAR(36)   NOT NULL,
    currency            CHAR(3)       NOT NULL,
    starts_at           DATETIME(6)   NOT NULL,
    ends_at             DATETIME(6)   NOT NULL,
    net                 DECIMAL(19,4) NOT NULL,
    tax                 DECIMAL(19,4) NOT NULL,
    gross               DECIMAL(19,4) NOT NULL,
    made_at             DATETIME(6)   NOT NULL,
    PRIMARY KEY (order_id, line_item_number, term_number),
    -- renewals of one currency not invoiced yet, up to a month's end
    KEY ix_subscription_term_currency_starts (currency, starts_at),
    CONSTRAINT fk_subscription_term_line FOREIGN KEY (order_id, line_item_number)
        REFERENCES order_line (order_id, line_item_number)
) ENGINE = InnoDB;
