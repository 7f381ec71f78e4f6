-- task_due (status, due_at) served the first SLA scan; since V30 the scan reads task_escalation_scan
-- (status, escalation_level, due_at), and every other query that filters on status alone can use that index's
-- leading column too. Each completion and each new task updated both: one B-tree less per transition.
-- Portable SQL: H2 (embedded default) and PostgreSQL.
DROP INDEX IF EXISTS task_due;
