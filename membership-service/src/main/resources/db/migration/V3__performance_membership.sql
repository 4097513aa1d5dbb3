-- M4 performance figures per organisation, metric and period; a correction replaces the value
CREATE TABLE performance_report (
    id              uuid          PRIMARY KEY,
    organization_id uuid          NOT NULL REFERENCES organization (id),
    metric          text          NOT NULL CHECK (metric IN ('REVENUE', 'ACTIVE_USAGE', 'DEPLOYED_SEATS', 'NEW_CUSTOMERS')),
    value           numeric(19,4) NOT NULL CHECK (value >= 0),
    period_start    date          NOT NULL,
    period_end      date          NOT NULL,
    reported_at     timestamptz   NOT NULL,
    version         bigint        NOT NULL DEFAULT 0,
    CHECK (period_end >= period_start),
    CONSTRAINT performance_report_period_unique UNIQUE (organization_id, metric, period_start, period_end)
);

-- M5/M6 what membership knows of each competency of an organisation, from competency-events
CREATE TABLE competency_standing (
    organization_id uuid        NOT NULL,
    competency_id   text        NOT NULL CHECK (length(competency_id) BETWEEN 1 AND 64),
    level           text        NOT NULL CHECK (level IN ('NONE', 'SILVER', 'GOLD')),
    valid_until     date,
    at_risk         boolean     NOT NULL,
    reasons         text        NOT NULL DEFAULT '[]',
    at_risk_since   timestamptz,
    as_of           timestamptz NOT NULL,
    version         bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (organization_id, competency_id)
);

-- M5 bought benefit packs, 12 months each; renewals start when the previous one ends
CREATE TABLE subscription (
    id              uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL REFERENCES organization (id),
    level           text        NOT NULL CHECK (level IN ('SILVER', 'GOLD')),
    starts_on       date        NOT NULL,
    ends_on         date        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('PURCHASE', 'RENEWAL')),
    created_at      timestamptz NOT NULL,
    CHECK (ends_on >= starts_on)
);
-- purchases and renewals of one organisation are serialised by a row lock on the organisation
CREATE INDEX subscription_organization ON subscription (organization_id, starts_on);
