-- #26 snapshots re-published on ops' request (POST /admin/snapshots): one row per snapshot, its progress.
CREATE TABLE snapshot_run (
    id           uuid        PRIMARY KEY,
    reference    text        NOT NULL,
    state        text        NOT NULL CHECK (state IN ('RUNNING', 'DONE', 'FAILED')),
    requested_at timestamptz NOT NULL,
    finished_at  timestamptz,
    events       bigint      NOT NULL DEFAULT 0,
    error        text
);
