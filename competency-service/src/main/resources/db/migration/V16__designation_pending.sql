-- issue 25 stage 8: the organisations whose designations are to be evaluated, written in the consumer transaction that
-- changed their facts (with the competency status), evaluated and deleted after its commit by DesignationWorker, one
-- organisation per transaction under its lock. A row left by a crash is evaluated by the worker's sweep (at start-up
-- and every designation-worker-sweep). version counts the marks: the worker deletes the row only if no mark came after
-- the one it evaluated; facts_changed: a performance report came (every area evaluated, not only those whose counts moved).
CREATE TABLE designation_pending (
    organization_id text        PRIMARY KEY,
    since           timestamptz NOT NULL,
    version         bigint      NOT NULL DEFAULT 1,
    facts_changed   boolean     NOT NULL DEFAULT false
);
