-- #23 the renewal reminders the expiry sweep published (renewal-due.v1): one row per holding, expiry and stage, so each
-- is published once per expiry (a renewal moves the expiry, and the reminders start again for the new one). Two
-- sweeping instances race on the primary key: whoever inserts publishes.
CREATE TABLE renewal_reminder (
    holding_id   uuid        NOT NULL REFERENCES certification_holding (id),
    expires_at   timestamptz NOT NULL,
    stage        varchar(16) NOT NULL CHECK (stage IN ('WINDOW_OPENED', 'DAYS_30', 'DAYS_7')),
    published_at timestamptz NOT NULL,
    PRIMARY KEY (holding_id, expires_at, stage)
);
