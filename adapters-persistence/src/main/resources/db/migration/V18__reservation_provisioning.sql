-- Issue 16 "Reservations provisioned": where an Azure reservation line applies, from the order's
-- provisioningContext — the customer's Azure subscription (a GUID, lower case), the scope (shared |
-- single) and, for single only, the resource group (Azure allows 90 characters). NULL on every line
-- that is not a reservation, and on reservation lines bought before this migration (they show no context).
-- One column a statement: MariaDB and H2 in MySQL mode both take this form.
ALTER TABLE order_line ADD COLUMN reservation_subscription_id CHAR(36) NULL;
ALTER TABLE order_line ADD COLUMN reservation_scope VARCHAR(8) NULL;
ALTER TABLE order_line ADD COLUMN reservation_resource_group VARCHAR(90) NULL;
