-- The OSS sandbox's own state (a stand-in for OSS, not OSS): the records it holds, one per idempotency key, and a
-- log of every request it received, which its page shows.
CREATE TABLE oss_sandbox_record (
    id               VARCHAR(36)  PRIMARY KEY,
    idem_key         VARCHAR(120) NOT NULL UNIQUE,
    method           VARCHAR(64)  NOT NULL,
    id_izin          VARCHAR(100) NOT NULL,
    nib              VARCHAR(32),
    kd_status        VARCHAR(8),
    payload          VARCHAR(8000) NOT NULL,
    answer           VARCHAR(8000) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX oss_sandbox_record_izin ON oss_sandbox_record (id_izin);

CREATE TABLE oss_sandbox_request (
    id               VARCHAR(36)  PRIMARY KEY,
    seq              BIGINT       NOT NULL,
    method           VARCHAR(64)  NOT NULL,
    idem_key         VARCHAR(120),
    http_status      INT          NOT NULL,
    kode             INT          NOT NULL,
    outcome          VARCHAR(200) NOT NULL,
    received_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    payload          VARCHAR(8000)
);
CREATE INDEX oss_sandbox_request_seq ON oss_sandbox_request (seq);
