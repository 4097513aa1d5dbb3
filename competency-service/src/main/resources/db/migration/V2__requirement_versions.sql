-- K1: requirement versions of a competency, each effective from a date (UTC); SILVER and GOLD are stored as the
-- JSON the catalogue accepted ({paths: [{requirements: [...]}]}), validated by the service before it is stored.
CREATE TABLE requirement_version (
    competency_id  text        NOT NULL REFERENCES competency (id),
    version        text        NOT NULL CHECK (length(version) BETWEEN 1 AND 50),
    effective_from date        NOT NULL,
    silver         text        NOT NULL,
    gold           text        NOT NULL,
    created_at     timestamptz NOT NULL,
    PRIMARY KEY (competency_id, version),
    CONSTRAINT requirement_version_one_per_date UNIQUE (competency_id, effective_from)
);
