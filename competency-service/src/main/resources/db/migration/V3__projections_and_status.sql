-- Projections built only from events (membership-events, certification-events) and the K3/K4 status.

-- organization.registered.v1
CREATE TABLE organization (
    id            text        PRIMARY KEY,
    mpn_id        text,
    name          text,
    registered_at timestamptz NOT NULL
);

-- employee.joined/left.v1: a candidate belongs to at most one organisation (organization_id NULL after leaving);
-- `since` is the time of the event that set the row, so an older event arriving late changes nothing.
CREATE TABLE employee (
    candidate_id    text        PRIMARY KEY,
    organization_id text,
    user_id         text,
    since           timestamptz NOT NULL
);
CREATE INDEX employee_organization ON employee (organization_id) WHERE organization_id IS NOT NULL;

-- certification.earned/renewed/expired/revoked.v1 (id = holdingId) and assessment.passed.v1
-- (id = assessment:<candidateId>:<assessmentId>); credential = certification id or assessment:<assessmentId>.
-- An ended holding stays as a tombstone: an earned/renewed event for it arriving late does not revive it.
CREATE TABLE credential (
    id           text        PRIMARY KEY,
    candidate_id text        NOT NULL,
    credential   text        NOT NULL,
    expires_at   timestamptz,
    active       boolean     NOT NULL,
    updated_at   timestamptz NOT NULL
);
CREATE INDEX credential_active_by_candidate ON credential (candidate_id) WHERE active;

-- performance.reported.v1: one figure per organisation, metric and period; a later report of the same period
-- replaces it (a correction).
CREATE TABLE performance_figure (
    organization_id text          NOT NULL,
    metric          text          NOT NULL,
    period_start    date          NOT NULL,
    period_end      date          NOT NULL,
    value           numeric(24,4) NOT NULL,
    reported_at     timestamptz   NOT NULL,
    PRIMARY KEY (organization_id, metric, period_start, period_end)
);

-- K3: one row per organisation and competency
CREATE TABLE competency_status (
    organization_id     text        NOT NULL,
    competency_id       text        NOT NULL REFERENCES competency (id),
    level               text        NOT NULL CHECK (level IN ('NONE', 'SILVER', 'GOLD')),
    path                integer,
    at_risk             boolean     NOT NULL,
    reasons             text        NOT NULL,
    attained_at         timestamptz,
    valid_until         timestamptz,
    as_of               timestamptz,
    requirement_version text        NOT NULL,
    requirements        text        NOT NULL,
    next_check_at       timestamptz,
    updated_at          timestamptz NOT NULL,
    version             bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (organization_id, competency_id)
);
CREATE INDEX competency_status_due ON competency_status (next_check_at) WHERE next_check_at IS NOT NULL;

-- K3 history: every published change, with the event that caused it (null: time-driven, the sweep)
CREATE TABLE competency_status_change (
    id              uuid        PRIMARY KEY,
    seq             bigserial   NOT NULL,
    organization_id text        NOT NULL,
    competency_id   text        NOT NULL,
    change          text        NOT NULL,
    level           text        NOT NULL,
    at_risk         boolean     NOT NULL,
    reasons         text        NOT NULL,
    valid_until     timestamptz,
    occurred_at     timestamptz NOT NULL,
    cause_event_id  text,
    cause_event_type text,
    published_event_id text     NOT NULL
);
CREATE INDEX competency_status_change_by_status ON competency_status_change (organization_id, competency_id, seq);
