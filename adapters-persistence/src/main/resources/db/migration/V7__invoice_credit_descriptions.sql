-- A credit line's description is the product's name, as a charge's is: the line's kind says it is a
-- credit, and the documents show it under the reader's own word for credits. It was stored with an
-- English "Credit: " in front, which the Hungarian, German, … invoices then showed.
UPDATE invoice_line SET description = SUBSTRING(description, 9) WHERE kind = 'credit' AND description LIKE 'Credit: %';
