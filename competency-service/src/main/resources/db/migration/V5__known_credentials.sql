-- K1c The certifications and assessments competency-service knows exist, learnt only from certification-service's
-- events (no synchronous calls between services): certification.defined.v1 / assessment.defined.v1, and any credential
-- seen in an earned/renewed/passed event (data older than the catalogue events). A requirement version may list only
-- these (and, for data older than those events, what was held or listed before). credential = certification id or
-- assessment:<assessmentId>, as in requirement versions and the credential table.
CREATE TABLE known_credential (
    credential text        PRIMARY KEY,
    name       text,
    source     text        NOT NULL,
    known_at   timestamptz NOT NULL
);

-- older data: whatever was earned or passed before the catalogue events existed
INSERT INTO known_credential (credential, source, known_at)
SELECT credential, 'holdings', min(updated_at) FROM credential GROUP BY credential;

-- and whatever the stored requirement versions list (accepted before this check existed)
INSERT INTO known_credential (credential, source, known_at)
SELECT DISTINCT listed.credential, 'requirement versions', now()
FROM requirement_version v,
     LATERAL (SELECT jsonb_path_query(v.silver::jsonb, '$.paths[*].requirements[*].anyOf[*]') #>> '{}' AS credential
              UNION SELECT jsonb_path_query(v.gold::jsonb, '$.paths[*].requirements[*].anyOf[*]') #>> '{}') listed
ON CONFLICT (credential) DO NOTHING;
