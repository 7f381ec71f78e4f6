-- The staff's case lookup by email address (/permohonan?q=budi@..., GET /api/applications?q=): addresses are kept
-- as the applicant wrote them (the letters and mails use them so), and compared without case. LOWER(applicant_email)
-- defeats an index on the column (H2 has no expression indexes), so the search read every case. The hub now keeps
-- the lower-cased address beside it, written with the case, and the search reads one index range.
ALTER TABLE application ADD COLUMN applicant_email_key VARCHAR(254);
UPDATE application SET applicant_email_key = LOWER(applicant_email);
CREATE INDEX application_email ON application (applicant_email_key);
