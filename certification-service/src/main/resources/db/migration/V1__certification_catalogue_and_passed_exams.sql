-- C1 certification catalogue
CREATE TABLE certification (
    id             text        PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,99}$'),
    name           text        NOT NULL,
    level          text        NOT NULL CHECK (level IN ('FUNDAMENTALS', 'ASSOCIATE', 'EXPERT', 'SPECIALTY')),
    -- all groups must be met, any one exam within a group: [["AZ-305"], ["AZ-104", "AZ-204"]]
    required_exams jsonb       NOT NULL CHECK (jsonb_typeof(required_exams) = 'array' AND jsonb_array_length(required_exams) > 0),
    -- certification ids that must be held active
    prerequisites  jsonb       NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(prerequisites) = 'array'),
    status         text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'RETIRING', 'RETIRED')),
    created_at     timestamptz NOT NULL,
    version        bigint      NOT NULL DEFAULT 0
);

-- C7 passed exams per candidate, from exam.passed.v1 (one row per attempt: replays change nothing)
CREATE TABLE passed_exam (
    attempt_id   text        PRIMARY KEY,
    candidate_id text        NOT NULL,
    exam_code    text        NOT NULL,
    score        integer     NOT NULL,
    taken_at     timestamptz NOT NULL,
    recorded_at  timestamptz NOT NULL
);

CREATE INDEX passed_exam_candidate ON passed_exam (candidate_id, taken_at);
