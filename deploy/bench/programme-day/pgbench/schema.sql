-- The pgbench baseline's scratch tables (database bench_pgbench, never a service's): exam-service's exam_attempt
-- (V1 + V2) and the chassis' outbox_event (V1 + V2), with their keys and indexes, without the foreign keys to rows
-- pgbench does not make (registration, exam).
DROP TABLE IF EXISTS exam_attempt, outbox_event;
CREATE TABLE exam_attempt (
    id                 uuid         PRIMARY KEY,
    provider_result_id varchar(200) NOT NULL,
    registration_id    uuid         NOT NULL,
    candidate_id       varchar(100) NOT NULL,
    exam_code          varchar(32)  NOT NULL,
    score              integer      NOT NULL CHECK (score BETWEEN 1 AND 1000),
    taken_at           timestamptz  NOT NULL,
    status             varchar(16)  NOT NULL,
    passed             boolean,
    recorded_at        timestamptz  NOT NULL,
    released_at        timestamptz,
    version            bigint       NOT NULL DEFAULT 0,
    provider           varchar(32)  NOT NULL,
    CONSTRAINT exam_attempt_registration_id_key UNIQUE (registration_id),
    CONSTRAINT exam_attempt_provider_result_key UNIQUE (provider, provider_result_id)
);
CREATE INDEX exam_attempt_candidate_exam ON exam_attempt (candidate_id, exam_code);
CREATE INDEX exam_attempt_withheld ON exam_attempt (status) WHERE status = 'WITHHELD';
CREATE TABLE outbox_event (
    id          uuid        PRIMARY KEY,
    seq         bigserial   NOT NULL UNIQUE,
    topic       text        NOT NULL,
    event_key   text        NOT NULL,
    event_type  text        NOT NULL,
    payload     json        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    sent_at     timestamptz,
    traceparent text,
    failed_at   timestamptz,
    failure     text
);
CREATE INDEX outbox_event_unsent ON outbox_event (seq) WHERE sent_at IS NULL AND failed_at IS NULL;
CREATE INDEX outbox_event_sent_at ON outbox_event (sent_at) WHERE sent_at IS NOT NULL;
CREATE INDEX outbox_event_failed ON outbox_event (topic, event_key, seq) WHERE sent_at IS NULL AND failed_at IS NOT NULL;
