-- A case's page shows the escalations of its steps (reminders and breaches) in its history: one index range per
-- case instead of reading the whole escalation table. Escalations are rare rows, so the index costs the scan
-- next to nothing.
CREATE INDEX escalation_application ON escalation (application_id, escalated_at);
