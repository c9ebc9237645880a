-- The core keeps an idempotent request's first answer opaque: the web adapter encodes status,
-- content type, Location and body itself (adapters-web idempotency.KeptResponse). Answers kept before
-- this version are converted to that encoding, so a retry within the retention still gets its replay:
-- status, LF, content type, LF, Location (empty when none), and, when there was a body, LF and the body.
-- CHAR(10) is the line feed on MariaDB and on H2 in MySQL mode alike.
ALTER TABLE idempotency_record ADD COLUMN answer MEDIUMTEXT NULL;
UPDATE idempotency_record
   SET answer = CONCAT(response_status, CHAR(10), COALESCE(response_content_type, ''), CHAR(10),
                       COALESCE(response_location, ''),
                       CASE WHEN response_body IS NULL THEN '' ELSE CONCAT(CHAR(10), response_body) END)
 WHERE response_status IS NOT NULL;
ALTER TABLE idempotency_record DROP COLUMN response_status;
ALTER TABLE idempotency_record DROP COLUMN response_content_type;
ALTER TABLE idempotency_record DROP COLUMN response_body;
ALTER TABLE idempotency_record DROP COLUMN response_location;
