-- C1/C5 lifecycle: the status is derived from the clock and retires_on (ACTIVE / RETIRING / RETIRED), so the stored
-- column goes; a retired certification may name its successor.
ALTER TABLE certification DROP COLUMN status;
ALTER TABLE certification ADD COLUMN retires_on date;
ALTER TABLE certification ADD COLUMN successor text REFERENCES certification (id) CHECK (successor <> id);

-- C2 holdings: earned from passed exams, ACTIVE until they expire (C4) or are revoked (C9)
CREATE TABLE certification_holding (
    id               uuid        PRIMARY KEY,
    candidate_id     text        NOT NULL,
    certification_id text        NOT NULL REFERENCES certification (id),
    level            text        NOT NULL CHECK (level IN ('FUNDAMENTALS', 'ASSOCIATE', 'EXPERT', 'SPECIALTY')),
    -- the passes that earned it, one per group of required exams
    exam_codes       jsonb       NOT NULL CHECK (jsonb_typeof(exam_codes) = 'array'),
    status           text        NOT NULL CHECK (status IN ('ACTIVE', 'EXPIRED', 'REVOKED')),
    earned_at        timestamptz NOT NULL,
    -- null = never (fundamentals)
    expires_at       timestamptz,
    -- when it stopped counting: the expiry instant, or when it was revoked
    ended_at         timestamptz,
    end_reason       text,
    version          bigint      NOT NULL DEFAULT 0,
    CHECK ((status = 'ACTIVE') = (ended_at IS NULL))
);

-- earning is idempotent: at most one active holding of a certification per candidate
CREATE UNIQUE INDEX certification_holding_one_active ON certification_holding (candidate_id, certification_id)
    WHERE status = 'ACTIVE';
CREATE INDEX certification_holding_candidate ON certification_holding (candidate_id, earned_at);
-- the expiry sweep
CREATE INDEX certification_holding_due ON certification_holding (expires_at) WHERE status = 'ACTIVE';

-- C3 renewal attempts (the online renewal assessment), passed or not
CREATE TABLE renewal_attempt (
    id             uuid        PRIMARY KEY,
    holding_id     uuid        NOT NULL REFERENCES certification_holding (id),
    attempted_at   timestamptz NOT NULL,
    passed         boolean     NOT NULL,
    expires_before timestamptz NOT NULL,
    expires_after  timestamptz NOT NULL
);

CREATE INDEX renewal_attempt_holding ON renewal_attempt (holding_id, attempted_at);
