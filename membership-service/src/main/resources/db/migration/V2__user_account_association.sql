-- M2 user accounts of an organisation; departed and removed accounts are kept as history
CREATE TABLE user_account (
    id              uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL REFERENCES organization (id),
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    email           text        NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    role            text        NOT NULL CHECK (role IN ('ADMIN', 'EMPLOYEE')),
    status          text        NOT NULL CHECK (status IN ('ACTIVE', 'DEPARTED', 'REMOVED')),
    created_at      timestamptz NOT NULL,
    departed_at     timestamptz,
    version         bigint      NOT NULL DEFAULT 0
);
-- one account per e-mail address and organisation (removed accounts free the address)
CREATE UNIQUE INDEX user_account_email_unique ON user_account (organization_id, email) WHERE status <> 'REMOVED';
CREATE INDEX user_account_organization ON user_account (organization_id, created_at);

-- M2/M3 a candidate id associated with a user account; ended_at set when severed or departed (kept as history)
CREATE TABLE association (
    id              uuid        PRIMARY KEY,
    candidate_id    text        NOT NULL CHECK (length(candidate_id) BETWEEN 1 AND 64),
    organization_id uuid        NOT NULL REFERENCES organization (id),
    user_id         uuid        NOT NULL REFERENCES user_account (id),
    associated_at   timestamptz NOT NULL,
    ended_at        timestamptz,
    end_reason      text        CHECK (end_reason IN ('DEPARTED', 'ASSOCIATED_ELSEWHERE')),
    version         bigint      NOT NULL DEFAULT 0,
    CHECK ((ended_at IS NULL) = (end_reason IS NULL))
);
-- ONE organisation at a time: at most one active association per candidate id (and per account). Two concurrent
-- associations of the same candidate id cannot both commit.
CREATE UNIQUE INDEX association_active_candidate ON association (candidate_id) WHERE ended_at IS NULL;
CREATE UNIQUE INDEX association_active_user ON association (user_id) WHERE ended_at IS NULL;
