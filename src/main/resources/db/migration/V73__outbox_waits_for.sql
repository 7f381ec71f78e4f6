-- What an outbox event that waits is waiting for (e.g. document:surat-izin, the final permit a mail attaches), so
-- that another feature's output releases only the events waiting for it; NULL: released by any output of the case.
ALTER TABLE outbox ADD COLUMN waits_for VARCHAR(200);
