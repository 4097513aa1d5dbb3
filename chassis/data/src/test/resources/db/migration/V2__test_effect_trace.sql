-- the trace the handler ran in, to follow a request through the outbox into the consumer
ALTER TABLE test_effect ADD COLUMN trace_id text;
