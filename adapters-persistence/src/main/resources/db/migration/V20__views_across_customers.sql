-- Views across all customers (#16 item 6): GET /v1/orders and GET /v1/software, newest first in keyset pages,
-- filtered by customer, product, status and date range. Every filter's first page is one range of an index
-- already in the page's order (date, then id, descending), never a sort of every customer's rows:
--   orders:   none -> ix_customer_order_created (created_at; InnoDB appends the primary key id);
--             customer -> ix_customer_order_tenant_created; status -> ix_customer_order_status_created;
--             product -> ix_order_line_product_created, below (then the orders by primary key).
--   software: none -> ix_software_entitlement_purchased; customer -> ix_software_entitlement_tenant;
--             status -> ix_software_entitlement_status_purchased; product -> ix_software_entitlement_product_purchased.
-- A second filter is checked on the rows of the first's range (the customer's range when a customer is named).
-- Written for MySQL 8 / MariaDB and run unchanged on H2 in MySQL mode (the embedded demo).

-- The order's creation instant on each of its lines (it never changes), so the orders with a product are one
-- range of (product_id, order_created_at, order_id) in the list's order.
ALTER TABLE order_line ADD COLUMN order_created_at DATETIME(6) NULL;
UPDATE order_line SET order_created_at = (SELECT o.created_at FROM customer_order o WHERE o.id = order_line.order_id);
ALTER TABLE order_line MODIFY order_created_at DATETIME(6) NOT NULL;
CREATE INDEX ix_order_line_product_created ON order_line (product_id, order_created_at, order_id);

CREATE INDEX ix_customer_order_status_created ON customer_order (status, created_at, id);

CREATE INDEX ix_software_entitlement_purchased ON software_entitlement (purchased_at, id);
CREATE INDEX ix_software_entitlement_status_purchased ON software_entitlement (status, purchased_at, id);
CREATE INDEX ix_software_entitlement_product_purchased ON software_entitlement (product_id, purchased_at, id);
