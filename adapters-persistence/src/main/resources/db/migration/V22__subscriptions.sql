-- Issue #16: a server subscription (an order line of contract type subscription) and its current term.
-- Made with the order (one multi-row INSERT), changed by compare-and-set on (term_number, status,
-- auto_renew). What the order line says of it (offer, name, quantity, status) is read from order_line.
-- charge_* is what one term costs: the line's charge when bought; a renewal charges it again.
CREATE TABLE subscription (
    id                  VARCHAR(36)   NOT NULL,
    customer_tenant_id  VARCHAR(36)   NOT NULL,
    order_id            VARCHAR(64)   NOT NULL,
    line_item_number    INT           NOT NULL,
    kind                VARCHAR(40)   NOT NULL,
    term_duration       VARCHAR(4)    NOT NULL,
    currency            CHAR(3)       NOT NULL,
    charge_net          DECIMAL(19,4) NOT NULL,
    charge_tax          DECIMAL(19,4) NOT NULL,
    charge_gross        DECIMAL(19,4) NOT NULL,
    created_at          DATETIME(6)   NOT NULL,
    term_number         INT           NOT NULL,
    term_start          DATETIME(6)   NOT NULL,
    term_end            DATETIME(6)   NOT NULL,
    auto_renew          BOOLEAN       NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY ux_subscription_line (order_id, line_item_number),
    -- a customer's subscriptions newest first (keyset pages)
    KEY ix_subscription_tenant_created (customer_tenant_id, created_at, id),
    -- the renewal job: active subscriptions whose term has ended, earliest end first
    KEY ix_subscription_due (status, term_end),
    CONSTRAINT fk_subscription_line FOREIGN KEY (order_id, line_item_number)
        REFERENCES order_line (order_id, line_item_number)
) ENGINE = InnoDB;

