-- Issue #23: signed webhooks (Standard Webhooks). Endpoints registered by partner-admins (organization_id = their
-- organisation) or ops (organization_id NULL: every organisation's events), and the delivery queue.

CREATE TABLE webhook_endpoint (
    id                   uuid         PRIMARY KEY,
    organization_id      uuid         REFERENCES organization (id),
    url                  text         NOT NULL,
    description          text,
    -- the CloudEvent types delivered; an empty array = every type an endpoint may receive
    event_types          jsonb        NOT NULL,
    status               text         NOT NULL CHECK (status IN ('ACTIVE', 'DISABLED')),
    -- the signing secrets, AES-256-GCM under partnerhub.webhooks.secret-key ("enc:v1:..."), or "plain:..." without it
    secret               text         NOT NULL,
    previous_secret      text,
    previous_secret_until timestamptz,
    created_at           timestamptz  NOT NULL,
    created_by           text         NOT NULL,
    updated_at           timestamptz  NOT NULL,
    last_success_at      timestamptz,
    disabled_at          timestamptz,
    disabled_reason      text,
    version              bigint       NOT NULL DEFAULT 0
);
CREATE INDEX webhook_endpoint_organization ON webhook_endpoint (organization_id);

-- One row per (event, endpoint), plus one per redelivery and test-send. id orders deliveries: per endpoint and
-- subject, a PENDING row is sent only when no earlier PENDING row of the same endpoint and subject exists.
CREATE TABLE webhook_delivery (
    id                   bigserial    PRIMARY KEY,
    endpoint_id          uuid         NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    -- the Standard Webhooks message id: stable per event and endpoint (the same on retries, crash re-sends, redeliveries)
    webhook_id           text         NOT NULL,
    event_id             text         NOT NULL,
    event_type           text         NOT NULL,
    subject              text         NOT NULL,
    organization_id      uuid,
    body                 text         NOT NULL,
    kind                 text         NOT NULL CHECK (kind IN ('EVENT', 'REDELIVERY', 'TEST')),
    status               text         NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts             integer      NOT NULL DEFAULT 0,
    created_at           timestamptz  NOT NULL,
    first_attempt_at     timestamptz,
    next_attempt_at      timestamptz  NOT NULL,
    last_attempt_at      timestamptz,
    last_status_code     integer,
    last_error           text,
    finished_at          timestamptz
);
-- an event reaches an endpoint once, however often the inbox sees it (redeliveries and tests are their own rows)
CREATE UNIQUE INDEX webhook_delivery_event_once ON webhook_delivery (endpoint_id, event_id) WHERE kind = 'EVENT';
CREATE INDEX webhook_delivery_pending ON webhook_delivery (endpoint_id, subject, id) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_log ON webhook_delivery (endpoint_id, id DESC);
