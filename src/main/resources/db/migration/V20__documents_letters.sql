-- Generated documents: what each step did to them (idempotency), letters in the making (initials, signature,
-- frozen content), the agenda book (numbering) and the registry of sealed documents (verification codes).
-- Portable SQL: runs on H2 (MODE=PostgreSQL) and PostgreSQL.

-- One row per effect of a case event (a step's task and the role it plays for a document): case events are
-- delivered at least once, and a repeat finds its row here and does nothing.
CREATE TABLE document_effect (
    task_id          VARCHAR(36)  NOT NULL,
    effect_role      VARCHAR(80)  NOT NULL,
    application_id   VARCHAR(36)  NOT NULL,
    kind             VARCHAR(64)  NOT NULL,
    document_id      VARCHAR(36),
    done_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (task_id, effect_role)
);

-- A letter of a case, from its draft to its sealed version. frozen_content holds what was signed (JSON), so later
-- edits of a template change no signed letter.
CREATE TABLE letter (
    application_id   VARCHAR(36)  NOT NULL,
    kind             VARCHAR(64)  NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    signed_by        VARCHAR(254),
    signed_at        TIMESTAMP WITH TIME ZONE,
    frozen_content   VARCHAR(30000),
    letter_number    VARCHAR(120),
    sealed_document  VARCHAR(36),
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (application_id, kind)
);

CREATE TABLE letter_initial (
    application_id   VARCHAR(36)  NOT NULL,
    kind             VARCHAR(64)  NOT NULL,
    task_id          VARCHAR(36)  NOT NULL,
    step_no          INT          NOT NULL,
    username         VARCHAR(254) NOT NULL,
    initialled_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (task_id, kind)
);
CREATE INDEX letter_initial_letter ON letter_initial (application_id, kind, initialled_at);

-- The agenda book. The sequence row of a (letter type, year) is locked by the UPDATE that takes the next number,
-- in the transaction that records the entry: numbers are gap-free and unique, across instances and restarts.
CREATE TABLE agenda_sequence (
    letter_type      VARCHAR(64)  NOT NULL,
    agenda_year      INT          NOT NULL,
    last_seq         BIGINT       NOT NULL,
    PRIMARY KEY (letter_type, agenda_year)
);

CREATE TABLE agenda_entry (
    id               VARCHAR(36)  PRIMARY KEY,
    letter_type      VARCHAR(64)  NOT NULL,
    agenda_year      INT          NOT NULL,
    seq              BIGINT       NOT NULL,
    letter_number    VARCHAR(120) NOT NULL UNIQUE,
    application_id   VARCHAR(36)  NOT NULL,
    document_kind    VARCHAR(64)  NOT NULL,
    subject          VARCHAR(500) NOT NULL,
    addressee        VARCHAR(500) NOT NULL,
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by      VARCHAR(254),
    UNIQUE (letter_type, agenda_year, seq),
    UNIQUE (application_id, letter_type)
);

-- Sealed documents: the public verification code leads here; the SHA-256 proves a file is the one issued.
CREATE TABLE document_seal (
    code             VARCHAR(16)  PRIMARY KEY,
    document_id      VARCHAR(36)  NOT NULL UNIQUE,
    application_id   VARCHAR(36)  NOT NULL,
    kind             VARCHAR(64)  NOT NULL,
    title            VARCHAR(200) NOT NULL,
    letter_number    VARCHAR(120),
    holder           VARCHAR(300) NOT NULL,
    issued_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    sha256           VARCHAR(64)  NOT NULL
);
CREATE INDEX document_seal_sha256 ON document_seal (sha256);

-- What the technical team entered about its field review (step 7), for the Berita Acara.
CREATE TABLE field_report (
    application_id   VARCHAR(36)  PRIMARY KEY,
    findings         VARCHAR(8000),
    fields_json      VARCHAR(8000),
    updated_by       VARCHAR(254) NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
