-- C6 online assessments (partner-university style): their own catalogue
CREATE TABLE assessment (
    id         text        PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,99}$'),
    name       text        NOT NULL,
    created_at timestamptz NOT NULL
);

-- C6 results; the same (candidate, assessment, taken_at) posted again is the same result
CREATE TABLE assessment_result (
    id            uuid        PRIMARY KEY,
    candidate_id  text        NOT NULL,
    assessment_id text        NOT NULL REFERENCES assessment (id),
    passed        boolean     NOT NULL,
    taken_at      timestamptz NOT NULL,
    recorded_at   timestamptz NOT NULL,
    UNIQUE (candidate_id, assessment_id, taken_at)
);

CREATE INDEX assessment_result_candidate ON assessment_result (candidate_id, taken_at);
