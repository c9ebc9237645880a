-- On a Galera cluster a row lock holds on its own node only. A unit of work that locks a row to keep a
-- rule over rows it does not write (a customer's refund allowance across its orders; "never without a
-- global admin" across users) now writes the row it locks: two nodes' units then conflict at
-- certification and one of them runs again on what the other committed (docs/scale-out.md).
ALTER TABLE customer ADD COLUMN cancellation_serial BIGINT NOT NULL DEFAULT 0;
ALTER TABLE user_account ADD COLUMN role_change_serial BIGINT NOT NULL DEFAULT 0;
