-- Core workflow state: applications (cases), their tasks (one row per step visit; together the case's history)
-- and the transactional outbox that turns a committed completion into exactly one next task.
-- Portable SQL: runs on H2 (embedded default) and PostgreSQL (production).

CREATE TABLE application (
    id               VARCHAR(36)  PRIMARY KEY,
    tracking_code    VARCHAR(32)  NOT NULL UNIQUE,
    token_hash       VARCHAR(64)  NOT NULL,
    sop_code         VARCHAR(64)  NOT NULL,
    sop_version      INT          NOT NULL,
    status           VARCHAR(24)  NOT NULL,
    channel          VARCHAR(16)  NOT NULL,
    applicant_name   VARCHAR(200) NOT NULL,
    applicant_email  VARCHAR(254) NOT NULL,
    applicant_phone  VARCHAR(32),
    company_name     VARCHAR(200) NOT NULL,
    company_nib      VARCHAR(13)  NOT NULL,
    company_npwp     VARCHAR(16)  NOT NULL,
    company_address  VARCHAR(500) NOT NULL,
    company_kbli     VARCHAR(5)   NOT NULL,
    description      VARCHAR(4000),
    submitted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX application_status ON application (status, sop_code);

CREATE TABLE task (
    id               VARCHAR(36)  PRIMARY KEY,
    application_id   VARCHAR(36)  NOT NULL REFERENCES application (id),
    step_no          INT          NOT NULL,
    step_name        VARCHAR(300) NOT NULL,
    actor            VARCHAR(64)  NOT NULL,
    kind             VARCHAR(16)  NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    resume_step      INT,
    entered_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_by       VARCHAR(64),
    claimed_at       TIMESTAMP WITH TIME ZONE,
    completed_at     TIMESTAMP WITH TIME ZONE,
    completed_by     VARCHAR(254),
    outcome          VARCHAR(64),
    note             VARCHAR(2000)
);
-- The inbox: open tasks of one actor, oldest first.
CREATE INDEX task_inbox ON task (actor, status, entered_at);
CREATE INDEX task_application ON task (application_id, entered_at);
-- The SLA scan: open tasks by due date.
CREATE INDEX task_due ON task (status, due_at);

-- A row per committed event still to be routed; deleted once routed. Several hub instances may relay: a row is
-- leased before it is routed, and routing is idempotent (the next task's id is derived from this row's id).
CREATE TABLE outbox (
    id               VARCHAR(36)  PRIMARY KEY,
    kind             VARCHAR(32)  NOT NULL,
    application_id   VARCHAR(36)  NOT NULL,
    payload          VARCHAR(4000) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    available_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts         INT          NOT NULL DEFAULT 0,
    last_error       VARCHAR(2000)
);
CREATE INDEX outbox_available ON outbox (available_at);
