-- Every version of every SOP definition the hub has run. A case keeps the version it started with
-- (application.sop_version), so the definition of that version must stay readable after the file changes.
-- sha256 is taken over the definition's canonical form (comments, layout and the version field do not count).
CREATE TABLE sop_version (
    code        VARCHAR(64)  NOT NULL,
    version     INT          NOT NULL,
    sha256      VARCHAR(64)  NOT NULL,
    content     TEXT         NOT NULL,
    source      VARCHAR(500) NOT NULL,
    loaded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (code, version)
);
