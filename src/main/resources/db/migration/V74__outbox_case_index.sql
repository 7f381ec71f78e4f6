-- The events of one case: a feature that produced something for a case (a document, a letter's number) releases the
-- case's waiting events (OutboxRepository.releaseWaiting), once per document made. Without this index the database
-- read every event whose time lies ahead (every event a relay holds or leases, and every one backing off) to find
-- the case's few: 3.5 % of the hub's CPU at full load.
CREATE INDEX outbox_case ON outbox (application_id);
