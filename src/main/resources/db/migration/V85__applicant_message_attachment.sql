-- The files the front office attached to its answer to an applicant's email (a form to fill in, a copy of a letter):
-- each is stored with the case's documents for the applicant (kind jawaban-lampiran) and sent with the answer's mail.
CREATE TABLE applicant_message_attachment (
    message_id       VARCHAR(36)   NOT NULL REFERENCES applicant_message (id),
    document_id      VARCHAR(36)   NOT NULL REFERENCES document (id),
    PRIMARY KEY (message_id, document_id)
);
