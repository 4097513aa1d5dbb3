-- Issue 21: renewal (C3) and online assessments (C6) delivered and scored by this service.
-- A bank belongs to a renewable certification ('certification:<id>') or to an online assessment ('assessment:<id>').

-- The blueprint of a bank: questions per attempt, time limit, pass mark, skill areas with their shares
CREATE TABLE assessment_blueprint (
    bank               text        PRIMARY KEY,
    question_count     integer     NOT NULL CHECK (question_count BETWEEN 1 AND 200),
    time_limit_minutes integer     NOT NULL CHECK (time_limit_minutes BETWEEN 1 AND 600),
    pass_mark_percent  integer     NOT NULL CHECK (pass_mark_percent BETWEEN 1 AND 100),
    -- {"items":[{"id","name","share"}]}
    skill_areas        jsonb       NOT NULL,
    updated_at         timestamptz NOT NULL,
    version            bigint      NOT NULL DEFAULT 0
);

-- Bank questions: a change is a new revision (the old one stays for the attempts drawn from it); only the latest
-- revision of a question is drawn, and only while active
CREATE TABLE bank_question (
    revision_id uuid        PRIMARY KEY,
    question_id uuid        NOT NULL,
    revision    integer     NOT NULL CHECK (revision >= 1),
    bank        text        NOT NULL,
    skill_area  text        NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('SINGLE', 'MULTIPLE')),
    text        text        NOT NULL,
    -- {"items":[{"id","text","correct"}]}
    options     jsonb       NOT NULL,
    explanation text        NOT NULL,
    active      boolean     NOT NULL,
    latest      boolean     NOT NULL,
    created_at  timestamptz NOT NULL,
    UNIQUE (question_id, revision)
);
CREATE UNIQUE INDEX bank_question_one_latest ON bank_question (question_id) WHERE latest;
CREATE INDEX bank_question_of_bank ON bank_question (bank, created_at, question_id) WHERE latest;

-- Attempts: drawn questions (with the revision each was drawn at) and answers in one document; a delivered attempt
-- is IN_PROGRESS until submitted or past its deadline (the sweep scores it), an EXTERNAL one until its provider reports
CREATE TABLE assessment_attempt (
    id                 uuid        PRIMARY KEY,
    kind               text        NOT NULL CHECK (kind IN ('RENEWAL', 'ASSESSMENT')),
    bank               text        NOT NULL,
    candidate_id       text        NOT NULL,
    holding_id         uuid        REFERENCES certification_holding (id),
    assessment_id      text        REFERENCES assessment (id),
    status             text        NOT NULL CHECK (status IN ('IN_PROGRESS', 'EXTERNAL', 'SCORED')),
    started_at         timestamptz NOT NULL,
    -- null for an attempt delivered by an external system
    deadline           timestamptz,
    -- the holding's expiry when the attempt started (the warning)
    holding_expires_at timestamptz,
    delivered_by       text,
    pass_mark_percent  integer     NOT NULL,
    skill_areas        jsonb       NOT NULL,
    questions          jsonb       NOT NULL,
    submitted_at       timestamptz,
    report             jsonb,
    external_result_id text,
    version            bigint      NOT NULL DEFAULT 0,
    CHECK ((kind = 'RENEWAL') = (holding_id IS NOT NULL)),
    CHECK ((kind = 'ASSESSMENT') = (assessment_id IS NOT NULL)),
    CHECK ((status = 'SCORED') = (report IS NOT NULL))
);
-- one open attempt per candidate and bank (so per holding)
CREATE UNIQUE INDEX assessment_attempt_one_open ON assessment_attempt (candidate_id, bank) WHERE status <> 'SCORED';
CREATE INDEX assessment_attempt_candidate ON assessment_attempt (candidate_id, started_at DESC, id);
CREATE INDEX assessment_attempt_due ON assessment_attempt (deadline) WHERE status = 'IN_PROGRESS';
-- an external result is reported once per provider
CREATE UNIQUE INDEX assessment_attempt_external_result ON assessment_attempt (delivered_by, external_result_id)
    WHERE external_result_id IS NOT NULL;

-- C3 the renewal attempt a scored assessment produced, and the reason of an ops support override
ALTER TABLE renewal_attempt ADD COLUMN assessment_attempt_id uuid REFERENCES assessment_attempt (id);
ALTER TABLE renewal_attempt ADD COLUMN support_reason text;
