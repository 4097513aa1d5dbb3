-- K1b The certifications and assessments competency-service knows exist, learnt only from certification-service's
-- events (no synchronous calls between services): certification.defined.v1 / assessment.defined.v1, and any credential
-- seen in an earned/renewed/passed event (data older than the catalogue events). A requirement version may list only
-- these. credential = certification id or assessment:<assessmentId>, as in requirement versions and `credential`.
CREATE TABLE known_credential (
    credential text        PRIMARY KEY,
    name       text,
    source     text        NOT NULL,
    known_at   timestamptz NOT NULL
);

-- older data: whatever was earned or passed before the catalogue events existed
INSERT INTO known_credential (credential, source, known_at)
SELECT credential, 'holdings', min(updated_at) FROM credential GROUP BY credential;
