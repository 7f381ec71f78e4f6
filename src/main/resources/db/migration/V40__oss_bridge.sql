-- OSS bridge: one row per call the hub makes to OSS, keyed by its idempotency key (<application>:<step>:<method>),
-- so a redelivered or re-queued request never calls OSS a second time once it has answered.
CREATE TABLE oss_call (
    idem_key         VARCHAR(120) PRIMARY KEY,
    application_id   VARCHAR(36)  NOT NULL,
    step_no          INT          NOT NULL,
    integration      VARCHAR(64)  NOT NULL,
    method           VARCHAR(64)  NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    attempts         INT          NOT NULL DEFAULT 0,
    oss_reference    VARCHAR(100),
    answer           VARCHAR(8000),
    last_error       VARCHAR(2000),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    done_at          TIMESTAMP WITH TIME ZONE
);
CREATE INDEX oss_call_application ON oss_call (application_id, step_no);

-- What OSS knows the case by: the NIB and OSS's permit id (id_izin), and when the permit took effect.
CREATE TABLE oss_case (
    application_id   VARCHAR(36)  PRIMARY KEY,
    nib              VARCHAR(13),
    id_izin          VARCHAR(100),
    effective_at     TIMESTAMP WITH TIME ZONE,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX oss_case_id_izin ON oss_case (id_izin);

-- A call whose retries are spent: a task for staff, who retry it once the cause is fixed.
CREATE TABLE oss_failure (
    id               VARCHAR(36)  PRIMARY KEY,
    idem_key         VARCHAR(120) NOT NULL,
    application_id   VARCHAR(36)  NOT NULL,
    step_no          INT          NOT NULL,
    method           VARCHAR(64)  NOT NULL,
    error            VARCHAR(2000) NOT NULL,
    attempts         INT          NOT NULL,
    last_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    request          VARCHAR(8000) NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    retried_at       TIMESTAMP WITH TIME ZONE,
    retried_by       VARCHAR(64),
    resolved_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX oss_failure_status ON oss_failure (status, created_at);
CREATE INDEX oss_failure_key ON oss_failure (idem_key);

-- What OSS pushed to the hub and the hub attached to a case.
CREATE TABLE oss_inbound (
    id               VARCHAR(36)  PRIMARY KEY,
    method           VARCHAR(64)  NOT NULL,
    application_id   VARCHAR(36)  NOT NULL,
    document_id      VARCHAR(36),
    received_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    payload          VARCHAR(100000) NOT NULL
);
CREATE INDEX oss_inbound_application ON oss_inbound (application_id, received_at);

-- What OSS pushed that the hub could not attach (unknown case, bad payload): kept for a person to review.
CREATE TABLE oss_inbound_review (
    id               VARCHAR(36)  PRIMARY KEY,
    method           VARCHAR(64)  NOT NULL,
    reason           VARCHAR(1000) NOT NULL,
    http_status      INT          NOT NULL,
    received_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    payload          VARCHAR(100000) NOT NULL
);
CREATE INDEX oss_inbound_review_received ON oss_inbound_review (received_at);
