-- Tokens carry their user's session generation; ending the user's sessions (sign-out, sign-out
-- everywhere) raises it, which refuses every token issued before. Existing users start, like new
-- ones, at their creation instant in microseconds, so a namesake made after a deletion never shares it.
-- TIMESTAMPDIFF in MICROSECOND works on MariaDB and on H2 in MySQL mode alike.
ALTER TABLE user_account ADD COLUMN session_generation BIGINT NOT NULL DEFAULT 0;
UPDATE user_account
   SET session_generation = TIMESTAMPDIFF(MICROSECOND, TIMESTAMP '1970-01-01 00:00:00', created_at);
