-- SLA: how far each task has been escalated, and one row per escalation that fired. Each level fires once: the
-- scanner moves task.escalation_level from level-1 to level with a conditional update, and the row below (whose
-- primary key is the task and the level) is written in the same transaction as the queue message and the email
-- in the outbox. Portable SQL: H2 (embedded default) and PostgreSQL.

ALTER TABLE task ADD COLUMN escalation_level INT DEFAULT 0 NOT NULL;

CREATE TABLE escalation (
    task_id          VARCHAR(36)  NOT NULL REFERENCES task (id),
    level            INT          NOT NULL,
    application_id   VARCHAR(36)  NOT NULL,
    step_no          INT          NOT NULL,
    actor            VARCHAR(64)  NOT NULL,
    notified_actor   VARCHAR(64)  NOT NULL,
    queue            VARCHAR(200) NOT NULL,
    due_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    escalated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (task_id, level)
);
-- The supervisors' view (GET /api/escalations?actor=) and the evaluation report.
CREATE INDEX escalation_notified ON escalation (notified_actor, escalated_at);
CREATE INDEX escalation_actor ON escalation (actor, escalated_at);

-- The escalation scan: open tasks below the last level, by due date (two short range scans, one per level).
CREATE INDEX task_escalation_scan ON task (status, escalation_level, due_at);
