-- Email and scan intake, dossier findings and outgoing mail. Portable SQL: H2 (MODE=PostgreSQL) and PostgreSQL.

-- Every email taken from the office mailbox, keyed on its Message-ID (or the SHA-256 of the raw message when it
-- has none): the same email delivered twice, before or after a restart, is handled once.
CREATE TABLE mail_inbound (
    message_key      VARCHAR(255) PRIMARY KEY,
    application_id   VARCHAR(36),
    sender           VARCHAR(254),
    outcome          VARCHAR(32)  NOT NULL,
    received_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Every email the hub sent, once per occasion (dedup_key). message_id lets a reply (In-Reply-To/References) find
-- its case.
CREATE TABLE mail_sent (
    dedup_key        VARCHAR(200) PRIMARY KEY,
    message_id       VARCHAR(255) NOT NULL,
    application_id   VARCHAR(36),
    recipient        VARCHAR(254) NOT NULL,
    subject          VARCHAR(500) NOT NULL,
    sent_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX mail_sent_message_id ON mail_sent (message_id);

-- Input the intake could not turn into (or attach to) a case: kept whole for staff to look at.
CREATE TABLE intake_review (
    id               VARCHAR(36)  PRIMARY KEY,
    source           VARCHAR(16)  NOT NULL,
    message_key      VARCHAR(255),
    sender           VARCHAR(254),
    subject          VARCHAR(500),
    reason           VARCHAR(4000) NOT NULL,
    received_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    raw              BYTEA        NOT NULL
);
CREATE INDEX intake_review_received ON intake_review (received_at);

-- The hub's findings on each file the applicant sent: which required document it is, and whether its content is
-- acceptable. document_id is empty for a file that was refused (it stays inside the original email).
CREATE TABLE dossier_item (
    id               VARCHAR(36)  PRIMARY KEY,
    application_id   VARCHAR(36)  NOT NULL REFERENCES application (id),
    document_id      VARCHAR(36),
    file_name        VARCHAR(255) NOT NULL,
    requirement      VARCHAR(64),
    content_type     VARCHAR(100),
    size_bytes       BIGINT       NOT NULL,
    valid            BOOLEAN      NOT NULL,
    problem          VARCHAR(1000),
    matched_by       VARCHAR(254) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX dossier_item_application ON dossier_item (application_id, created_at);
