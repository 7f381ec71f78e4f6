-- Mails the recipient's server refused for good (the address unknown there, or no address at all): no longer retried
-- every few minutes for ever, kept here with the mail itself for the office to act on (send again to a corrected
-- address, or note how the applicant was reached instead). Open while resolved_at is empty.
CREATE TABLE mail_undeliverable (
    dedup_key        VARCHAR(200)  PRIMARY KEY,
    application_id   VARCHAR(36),
    recipient        VARCHAR(254)  NOT NULL,
    subject          VARCHAR(500)  NOT NULL,
    reason           VARCHAR(1000) NOT NULL,
    failed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    payload          VARCHAR(1000000) NOT NULL,
    resolved_at      TIMESTAMP WITH TIME ZONE,
    resolved_by      VARCHAR(64),
    resolution       VARCHAR(500)
);
CREATE INDEX mail_undeliverable_application ON mail_undeliverable (application_id);
CREATE INDEX mail_undeliverable_open ON mail_undeliverable (resolved_at, failed_at);
