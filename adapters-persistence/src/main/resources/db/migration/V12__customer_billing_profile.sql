-- Partner Center's customer billing profile (issue 14): a contact's names and email, culture (en-US)
-- and language (en), the billed company's name, and the default address. All may be missing: customers
-- added before were given by name, domain and country only (their billed name is their company name,
-- read so when billing_company_name is NULL). The address's country is the customer's country column.
-- One column a statement: MariaDB and H2 in MySQL mode both take this form.
ALTER TABLE customer ADD COLUMN billing_first_name VARCHAR(50) NULL;
ALTER TABLE customer ADD COLUMN billing_last_name VARCHAR(50) NULL;
ALTER TABLE customer ADD COLUMN billing_email VARCHAR(254) NULL;
ALTER TABLE customer ADD COLUMN billing_culture VARCHAR(8) NULL;
ALTER TABLE customer ADD COLUMN billing_language CHAR(2) NULL;
ALTER TABLE customer ADD COLUMN billing_company_name VARCHAR(255) NULL;
ALTER TABLE customer ADD COLUMN address_region VARCHAR(64) NULL;
ALTER TABLE customer ADD COLUMN address_city VARCHAR(128) NULL;
ALTER TABLE customer ADD COLUMN address_state VARCHAR(64) NULL;
ALTER TABLE customer ADD COLUMN address_line1 VARCHAR(200) NULL;
ALTER TABLE customer ADD COLUMN address_line2 VARCHAR(200) NULL;
ALTER TABLE customer ADD COLUMN address_line3 VARCHAR(200) NULL;
ALTER TABLE customer ADD COLUMN address_postal_code VARCHAR(32) NULL;
ALTER TABLE customer ADD COLUMN address_first_name VARCHAR(50) NULL;
ALTER TABLE customer ADD COLUMN address_last_name VARCHAR(50) NULL;
ALTER TABLE customer ADD COLUMN address_phone_number VARCHAR(32) NULL;
