-- The applicant's own completion (the tracking page's confirmation, an emailed answer) records the applicant's email
-- as the task's holder and completer; completed_by took an address of up to 254 characters, claimed_by only 64, so
-- an applicant with a longer address could never complete their step (the database refused the update).
-- Portable: H2 and PostgreSQL both take SET DATA TYPE; widening a VARCHAR rewrites nothing on PostgreSQL.
ALTER TABLE task ALTER COLUMN claimed_by SET DATA TYPE VARCHAR(254);
