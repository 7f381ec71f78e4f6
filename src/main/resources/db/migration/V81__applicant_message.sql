-- An applicant's email to a case that no step waited for (a question, a file sent later, a reply to the office's
-- answer): before, it was filed with the case's documents and nobody was told. Each is now a message for the front
-- office to answer (by email, from the hub) or to mark handled (answered by phone, at the counter), with who did it
-- and when; the inboxes and the case page show the cases with a message no one has taken care of.
CREATE TABLE applicant_message (
    id               VARCHAR(36)   PRIMARY KEY,
    application_id   VARCHAR(36)   NOT NULL REFERENCES application (id),
    message_key      VARCHAR(255)  NOT NULL,
    document_id      VARCHAR(36),
    sender           VARCHAR(254)  NOT NULL,
    subject          VARCHAR(500),
    body             VARCHAR(4000),
    files            INTEGER       NOT NULL,
    received_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    handled_by       VARCHAR(100),
    handled_at       TIMESTAMP WITH TIME ZONE,
    answer           VARCHAR(4000),
    handled_note     VARCHAR(2000)
);
CREATE UNIQUE INDEX applicant_message_key ON applicant_message (message_key);
CREATE INDEX applicant_message_open ON applicant_message (handled_at, received_at);
CREATE INDEX applicant_message_case ON applicant_message (application_id, received_at);
