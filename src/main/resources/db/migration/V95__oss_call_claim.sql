-- One delivery of an OSS request calls OSS at a time. Two deliveries of the same hand-over running at once (the
-- outbox relay routed it twice around a crash, taken by two consumers or two hubs) both posted it: the second's check
-- whether OSS held the key ran before the first's post had landed. An attempt now claims its call (its own token)
-- until a time it renews before each request to OSS, past which a holder that crashed holds it no longer; the other
-- delivery waits for the answer instead.
ALTER TABLE oss_call ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE oss_call ADD COLUMN claim_token VARCHAR(36);
