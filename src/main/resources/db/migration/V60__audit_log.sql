-- Tamper-evident audit trail: one row per state change, document read, login failure, re-drive or purge.
-- Each row's hash is SHA-256 over its canonical content and the previous row's hash, so altering, removing or
-- reordering a row breaks the chain from there on (see docs/security.md). Appends are serialized by a row lock on
-- the one-row audit_head table, which also remembers the last entry (so a removed tail is detected too).
-- Portable SQL: runs on H2 (MODE=PostgreSQL) and PostgreSQL.

CREATE TABLE audit_log (
    seq              BIGINT       PRIMARY KEY,
    at               TIMESTAMP WITH TIME ZONE NOT NULL,
    actor            VARCHAR(254),
    action           VARCHAR(64)  NOT NULL,
    application_id   VARCHAR(36),
    subject          VARCHAR(64),
    before_json      VARCHAR(100000),
    after_json       VARCHAR(100000),
    event_id         VARCHAR(64)  UNIQUE,
    prev_hash        VARCHAR(64)  NOT NULL,
    hash             VARCHAR(64)  NOT NULL
);
CREATE INDEX audit_log_application ON audit_log (application_id, seq);

CREATE TABLE audit_head (
    id               INT          PRIMARY KEY,
    seq              BIGINT       NOT NULL,
    hash             VARCHAR(64)  NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
