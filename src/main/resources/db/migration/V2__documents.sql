-- Documents of a case: the applicant's scans and the papers the hub produces. The content is kept in the database
-- so that every hub instance sees the same files and a backup of the database is a backup of the dossiers.
CREATE TABLE document (
    id               VARCHAR(36)  PRIMARY KEY,
    application_id   VARCHAR(36)  NOT NULL REFERENCES application (id),
    kind             VARCHAR(64)  NOT NULL,
    step_no          INT,
    name             VARCHAR(255) NOT NULL,
    content_type     VARCHAR(100) NOT NULL,
    size_bytes       BIGINT       NOT NULL,
    sha256           VARCHAR(64)  NOT NULL,
    audience         VARCHAR(16)  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by       VARCHAR(254),
    content          BYTEA        NOT NULL
);
CREATE INDEX document_application ON document (application_id, created_at);
CREATE INDEX document_sha256 ON document (sha256);
