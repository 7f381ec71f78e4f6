-- The office's follow-up ("tindak lanjut") of an applicant's survey suggestion, recorded once by the head of office
-- or an administrator on the survey page (/survei); the suggestions waiting for one are counted on the dashboard.
ALTER TABLE survey_response ADD COLUMN followed_up_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE survey_response ADD COLUMN followed_up_by VARCHAR(100);
ALTER TABLE survey_response ADD COLUMN follow_up_note VARCHAR(2000);
