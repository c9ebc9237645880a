-- Webhook delivery (issue 15): the due deliveries are looked for per registration, oldest due first. With
-- (status, next_attempt_at) alone MariaDB preferred (registration_id, status) and sorted every pending
-- row, judging each one's earlier deliveries on the way: the benchmark's backlog drained at ~40/s. With the
-- registration first the scan runs in due order and stops at the candidates it needs.
DROP INDEX ix_webhook_delivery_due ON webhook_delivery;
CREATE INDEX ix_webhook_delivery_due ON webhook_delivery (registration_id, status, next_attempt_at, position);
