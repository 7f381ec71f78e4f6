-- The staff's case lookup (/permohonan, CasePageController): an applicant who phones or comes to the counter gives
-- a tracking code (unique index already) or the company's NIB or NPWP; the list without a search shows the newest
-- cases first. Each of these reads one index range instead of every case stored. (An email address is compared
-- without case, LOWER(applicant_email), which an index on the column does not serve.)
CREATE INDEX application_submitted ON application (submitted_at);
CREATE INDEX application_nib ON application (company_nib);
CREATE INDEX application_npwp ON application (company_npwp);
