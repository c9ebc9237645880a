-- MigrationLeaseOnMariaDbTest: a migration that fails after its first statement, as a broken release would.
CREATE TABLE before_the_failure (id INT PRIMARY KEY);
INSERT INTO no_such_table VALUES (1);
