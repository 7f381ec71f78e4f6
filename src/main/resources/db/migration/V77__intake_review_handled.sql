-- The review queue is worked by the front office: who took care of an item, when, and what they did.
ALTER TABLE intake_review ADD COLUMN handled_by VARCHAR(100);
ALTER TABLE intake_review ADD COLUMN handled_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE intake_review ADD COLUMN handled_note VARCHAR(2000);
CREATE INDEX intake_review_open ON intake_review (handled_at, received_at);
