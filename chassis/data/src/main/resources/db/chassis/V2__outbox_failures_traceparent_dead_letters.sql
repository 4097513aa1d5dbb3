-- PartnerHub chassis V2: outbox rows that can never be sent, trace context, inbox pruning, dead letters.

-- a row Kafka refuses for good (too large, invalid topic …) is marked failed; later rows of the same subject wait
-- behind it (per-subject order), rows of other subjects go on
ALTER TABLE outbox_event
    ADD COLUMN traceparent text,
    ADD COLUMN failed_at   timestamptz,
    ADD COLUMN failure     text;

DROP INDEX outbox_event_unsent;
CREATE INDEX outbox_event_unsent ON outbox_event (seq) WHERE sent_at IS NULL AND failed_at IS NULL;
CREATE INDEX outbox_event_failed ON outbox_event (topic, event_key, seq) WHERE sent_at IS NULL AND failed_at IS NOT NULL;

-- the inbox is pruned by age like the outbox
CREATE INDEX inbox_event_processed_at ON inbox_event (processed_at);

-- what a consumer dead-lettered (also written to <topic>.dlq): listed and redriven by /admin/dead-letters
CREATE TABLE dead_letter (
    id                 uuid        PRIMARY KEY,
    consumer           text        NOT NULL,
    topic              text        NOT NULL,
    kafka_partition    integer     NOT NULL,
    kafka_offset       bigint      NOT NULL,
    record_key         text,
    record_value       bytea,
    headers            jsonb       NOT NULL DEFAULT '{}',
    ce_id              text,
    ce_type            text,
    error              text,
    exception          text,
    dead_lettered_at   timestamptz NOT NULL DEFAULT now(),
    redriven_at        timestamptz,
    UNIQUE (consumer, topic, kafka_partition, kafka_offset)
);
CREATE INDEX dead_letter_open ON dead_letter (dead_lettered_at, id) WHERE redriven_at IS NULL;
