-- ShedLock writes lock times from the JVM's clock in microseconds. In DATETIME(3) H2 rounds them to
-- the millisecond — up as often as down — so a lock released at once could still look held for up to
-- half a millisecond (MariaDB truncates instead). Microseconds keep what was written.
ALTER TABLE shedlock MODIFY lock_until DATETIME(6) NOT NULL;
ALTER TABLE shedlock MODIFY locked_at DATETIME(6) NOT NULL;
