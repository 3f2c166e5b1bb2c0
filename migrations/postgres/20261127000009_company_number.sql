-- An organisation's number in the Crossroads Bank for Enterprises (BCE/KBO), as "0123.456.789";
-- optional; published as `pivot` in the directory's open data.
-- Kept in step with ../sqlite/20261127000009_company_number.sql.
ALTER TABLE organisations ADD COLUMN company_number TEXT;
