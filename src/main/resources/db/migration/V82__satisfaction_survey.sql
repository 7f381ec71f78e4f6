-- Survei Kepuasan Masyarakat (Peraturan Menteri PANRB 14/2017): one response per case, filled in by the applicant on
-- the tracking page once the case is closed; one row per element answered (score 1 to 4), keyed by the element's key
-- in config/survey/skm.yaml. The dashboard's Indeks Kepuasan Masyarakat is computed from these rows.
CREATE TABLE survey_response (
    id               VARCHAR(36)   PRIMARY KEY,
    application_id   VARCHAR(36)   NOT NULL REFERENCES application (id),
    submitted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    suggestion       VARCHAR(2000)
);
CREATE UNIQUE INDEX survey_response_application ON survey_response (application_id);
CREATE INDEX survey_response_submitted ON survey_response (submitted_at);

CREATE TABLE survey_answer (
    response_id      VARCHAR(36)   NOT NULL REFERENCES survey_response (id),
    element          VARCHAR(64)   NOT NULL,
    score            SMALLINT      NOT NULL,
    PRIMARY KEY (response_id, element)
);
