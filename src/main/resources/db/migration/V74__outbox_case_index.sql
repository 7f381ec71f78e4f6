-- The events of one case: a feature that produced something for a case (a document, a letter's number) releases the
-- case's waiting events (OutboxRepository.releaseWaiting), once per document made. Without this index the database
-- read every event whose time lies ahead (every event a relay holds or leases, and every one backing off) to find
-- the case's few, so each release cost more the more events waited: on H2, 0.013 ms with 100 events backing off,
-- 0.096 ms with 1,000, 0.85 ms with 10,000 (a mail server or OSS away for a while); with it 0.001-0.007 ms.
CREATE INDEX outbox_case ON outbox (application_id);
