-- An outbox row carries the whole rendered mail it stands for (MAIL kind): a clerk's answer of up to 4,000
-- characters (ApplicantMessages.MAX_ANSWER) in its template, or a receipt listing a long dossier, ran past the
-- 4,000 characters of V1 and the database refused the row: the answer's transaction rolled back, a status mail was
-- dead-lettered. A million characters holds any mail the hub writes; both databases take it as VARCHAR
-- (PostgreSQL stores a long value out of line, H2 up to its limit of 1,000,000,000).
ALTER TABLE outbox ALTER COLUMN payload SET DATA TYPE VARCHAR(1000000);
