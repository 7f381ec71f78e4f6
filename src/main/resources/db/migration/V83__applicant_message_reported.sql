-- An applicant's email not answered within pintu.intake.answer-within is reported once to the front office's
-- supervisor (supervision file), as a late step is: when, so that it is reported once, also across hubs.
ALTER TABLE applicant_message ADD COLUMN reported_at TIMESTAMP WITH TIME ZONE;
