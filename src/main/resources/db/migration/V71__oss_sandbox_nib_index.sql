-- The sandbox's inqueryNIB reads the latest record of a NIB (step 4 of every case): one index range, not a scan
-- of every record stored.
CREATE INDEX oss_sandbox_record_nib ON oss_sandbox_record (nib, created_at);
