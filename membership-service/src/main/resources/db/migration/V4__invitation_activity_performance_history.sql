-- M2 invitations: a partner-admin invites, the person accepts with the code (only its SHA-256 hash is stored)
CREATE TABLE invitation (
    id              uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL REFERENCES organization (id),
    user_id         uuid        NOT NULL REFERENCES user_account (id),
    code_hash       text        NOT NULL CHECK (length(code_hash) = 64),
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    accepted_at     timestamptz,
    revoked_at      timestamptz,
    superseded      boolean     NOT NULL DEFAULT false,
    version         bigint      NOT NULL DEFAULT 0,
    CONSTRAINT invitation_code_hash_unique UNIQUE (code_hash),
    CHECK (expires_at > created_at)
);
CREATE INDEX invitation_organization ON invitation (organization_id, created_at DESC);
-- at most one open (neither accepted nor revoked) invitation per account: a newer one revokes the older
CREATE UNIQUE INDEX invitation_open_per_user ON invitation (user_id) WHERE accepted_at IS NULL AND revoked_at IS NULL;

-- what happened in an organisation, who did it (token subject and the role it acted as); written in the transaction
-- of the change
CREATE TABLE activity_entry (
    id              uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL REFERENCES organization (id),
    kind            text        NOT NULL,
    at              timestamptz NOT NULL,
    actor_subject   text        NOT NULL,
    actor_role      text        NOT NULL,
    summary         text        NOT NULL,
    details         jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX activity_entry_organization_at ON activity_entry (organization_id, at DESC);

-- M4 each figure keeps the system that reported it and who; a correction keeps the earlier value as history
ALTER TABLE performance_report
    ADD COLUMN source      text NOT NULL DEFAULT 'unknown',
    ADD COLUMN reported_by text NOT NULL DEFAULT 'unknown',
    ADD COLUMN corrections integer NOT NULL DEFAULT 0;
ALTER TABLE performance_report ALTER COLUMN source DROP DEFAULT, ALTER COLUMN reported_by DROP DEFAULT;

-- every value ever stored for a figure, the current one with superseded_at NULL
CREATE TABLE performance_report_value (
    id              uuid          PRIMARY KEY,
    report_id       uuid          NOT NULL REFERENCES performance_report (id),
    organization_id uuid          NOT NULL REFERENCES organization (id),
    metric          text          NOT NULL,
    value           numeric(19,4) NOT NULL,
    period_start    date          NOT NULL,
    period_end      date          NOT NULL,
    source          text          NOT NULL,
    reported_by     text          NOT NULL,
    reported_at     timestamptz   NOT NULL,
    superseded_at   timestamptz
);
CREATE INDEX performance_report_value_organization ON performance_report_value (organization_id, period_start DESC);
INSERT INTO performance_report_value (id, report_id, organization_id, metric, value, period_start, period_end, source,
        reported_by, reported_at)
    SELECT gen_random_uuid(), id, organization_id, metric, value, period_start, period_end, source, reported_by, reported_at
    FROM performance_report;
