-- Issue #16: GET /v1/subscriptions across customers reads every customer's subscriptions in term-end order (then id).
-- Without a status filter no index gave that order, so each page sorted every subscription (the bench's quick volume:
-- p50 24 ms, growing with the table); with it a page is an index range read. (InnoDB appends the primary key, id.)
CREATE INDEX ix_subscription_term_end ON subscription (term_end);
