-- Reading the activity log (api.md "Activity log"): a filter on CustomerId, CompanyName, ResourceType
-- or OperationType matches whatever the case, on MySQL/MariaDB and on H2 (whose comparisons are
-- case-sensitive) alike. Each filtered field gets a lower-cased generated column (virtual: computed
-- from the row, stored only in its index, never written by the application, so the hash chain is
-- unaffected) and an index of (key, operation_date, id): equals is one range of that index, already
-- in the page's (operation_date, id) order. A substring filter cannot seek; it scans the date range
-- on ix_activity_record_date (at most 90 days, the oldest start the API accepts).
-- Written for MySQL 8 / MariaDB and run unchanged on H2 in MySQL mode (the embedded demo).

ALTER TABLE activity_record ADD COLUMN customer_id_key VARCHAR(64) GENERATED ALWAYS AS (LOWER(customer_id));
ALTER TABLE activity_record ADD COLUMN customer_name_key VARCHAR(255) GENERATED ALWAYS AS (LOWER(customer_name));
ALTER TABLE activity_record ADD COLUMN resource_type_key VARCHAR(64) GENERATED ALWAYS AS (LOWER(resource_type));
ALTER TABLE activity_record ADD COLUMN operation_type_key VARCHAR(64) GENERATED ALWAYS AS (LOWER(operation_type));

CREATE INDEX ix_activity_record_customer_id_key ON activity_record (customer_id_key, operation_date, id);
CREATE INDEX ix_activity_record_customer_name_key ON activity_record (customer_name_key, operation_date, id);
CREATE INDEX ix_activity_record_resource_type_key ON activity_record (resource_type_key, operation_date, id);
CREATE INDEX ix_activity_record_operation_type_key ON activity_record (operation_type_key, operation_date, id);

-- V2's filter indexes on the raw columns are superseded by the ones above (only the activity
-- adapter reads this table; appends need none of them), so an append maintains one index more
-- than before, not four.
DROP INDEX ix_activity_record_customer ON activity_record;
DROP INDEX ix_activity_record_resource_type ON activity_record;
DROP INDEX ix_activity_record_operation_type ON activity_record;
