-- test-only table: one row per event a test handler applied
CREATE TABLE test_effect (
    id         bigserial   PRIMARY KEY,
    event_id   text        NOT NULL,
    subject    text        NOT NULL,
    name       text,
    applied_at timestamptz NOT NULL DEFAULT now()
);
