-- #26 projections rebuilt from their sources: one row per rebuild (POST /admin/projections/rebuild). While a rebuild's
-- state is APPLYING the projections (organization, employee, credential, performance_figure, skill_holders) are being
-- refilled from the producers' snapshot events and the live stream, and the event-driven recompute and the sweeps wait
-- (RebuildGate); FINISHING recounts the holders and recomputes every organisation once; DONE or FAILED end it.
CREATE TABLE projection_rebuild (
    id            uuid        PRIMARY KEY,
    state         text        NOT NULL CHECK (state IN ('APPLYING', 'FINISHING', 'DONE', 'FAILED')),
    started_at    timestamptz NOT NULL,
    first_event_at timestamptz,
    last_event_at  timestamptz,
    applied_at    timestamptz,
    finished_at   timestamptz,
    -- per producer (event source): events received, and the total its last snapshot event announced
    snapshots     jsonb       NOT NULL DEFAULT '{}'::jsonb,
    events        bigint      NOT NULL DEFAULT 0,
    duplicates    bigint      NOT NULL DEFAULT 0,
    organizations integer     NOT NULL DEFAULT 0,
    recomputed    integer     NOT NULL DEFAULT 0,
    error         text
);
-- at most one rebuild under way
CREATE UNIQUE INDEX projection_rebuild_running ON projection_rebuild ((true)) WHERE state IN ('APPLYING', 'FINISHING');
