-- Organisation credentials (issue 22): one row per Open Badges 3.0 credential issued to an organisation for an award
-- (a competency level, a designation, a specialisation), with its place in a W3C Bitstring Status List. The status
-- list itself is not stored: it is built from these rows (bit set = revoked_at not null).
CREATE SEQUENCE organization_credential_number;

CREATE TABLE organization_credential (
    id              uuid        PRIMARY KEY,
    organization_id text        NOT NULL,
    kind            text        NOT NULL,
    award_id        text        NOT NULL,
    -- the level (SILVER, GOLD), a designation's track, or '' when the award has none (part of the uniqueness below)
    level           text        NOT NULL DEFAULT '',
    name            text        NOT NULL,
    -- the subject as the organisation projection named it at issue (organization.registered.v1)
    subject_name    text,
    subject_mpn_id  text,
    -- the n-th credential issued (sequence from 1) and its status-list slot: list (n-1)/131072+1, at an index scattered
    -- over the list ((n-1) mod 131072 * 40503 + 7919) mod 131072 (an odd multiplier modulo 2^17: a bijection;
    -- credential/StatusSlot is the same formula in Java, tested)
    number          bigint      NOT NULL UNIQUE,
    status_list     integer     GENERATED ALWAYS AS (((number - 1) / 131072 + 1)::integer) STORED,
    status_index    integer     GENERATED ALWAYS AS (((((number - 1) % 131072) * 40503 + 7919) % 131072)::integer) STORED,
    valid_from      timestamptz NOT NULL,
    issued_at       timestamptz NOT NULL,
    revoked_at      timestamptz,
    -- the VC-JWT as issued (null while no signing key is configured: signed at the first read that has one)
    jwt             text,
    UNIQUE (status_list, status_index)
);
-- at most one live credential per organisation and award: issuing is INSERT ... ON CONFLICT DO NOTHING on it
CREATE UNIQUE INDEX organization_credential_live
    ON organization_credential (organization_id, kind, award_id, level) WHERE revoked_at IS NULL;
CREATE INDEX organization_credential_organization ON organization_credential (organization_id, issued_at);
-- a status list is built from its revoked rows only
CREATE INDEX organization_credential_revoked ON organization_credential (status_list, status_index)
    WHERE revoked_at IS NOT NULL;
