-- Retention (UU 27/2022): once a closed case's document has outlived its kind's retention period, its content is
-- deleted and purged_at says when; the row itself (name, kind, SHA-256) stays as the record that it existed.
ALTER TABLE document ALTER COLUMN content DROP NOT NULL;
ALTER TABLE document ADD COLUMN purged_at TIMESTAMP WITH TIME ZONE;
