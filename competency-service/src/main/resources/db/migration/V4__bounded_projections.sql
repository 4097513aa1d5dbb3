-- K3b incremental: an event reads only what the requirements that mention the change need, through indexes, so its
-- cost does not grow with the organisation's size or the number of competencies.

-- A credential carries its holder's current organisation (set on earned, moved on joined/left: a candidate has few
-- holdings), so the holders of a credential in one organisation are one index range, longest-lasting first.
ALTER TABLE credential ADD COLUMN organization_id text;
UPDATE credential c SET organization_id = e.organization_id FROM employee e WHERE e.candidate_id = c.candidate_id;
CREATE INDEX credential_holders ON credential (organization_id, credential, expires_at DESC NULLS FIRST, candidate_id)
    WHERE active AND organization_id IS NOT NULL;

-- Skill sets: the credentials one skill requirement lists (key = SHA-256 of the sorted ids); the index from a credential
-- to the skill sets that list it.
CREATE TABLE skill_set (
    key         text        PRIMARY KEY,
    credentials text[]      NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE TABLE skill_set_credential (
    credential text NOT NULL,
    skill_set  text NOT NULL REFERENCES skill_set (key),
    PRIMARY KEY (credential, skill_set)
);

-- Per organisation and skill set: how many members hold one of its credentials (not ended by an event; a holding past
-- its expiresAt without an expired event yet is subtracted when read). Kept by every projection change of a candidate.
CREATE TABLE skill_holders (
    organization_id text    NOT NULL,
    skill_set       text    NOT NULL REFERENCES skill_set (key),
    holders         integer NOT NULL CHECK (holders >= 0),
    PRIMARY KEY (organization_id, skill_set)
);

-- A new requirement version taking effect: the statuses still evaluated under an older (or, after the clock moved
-- back, a later) version are an index range of their competency, read in index order batch after batch (never a scan
-- of the table, whose outdated rows thin out as the batches go).
ALTER TABLE competency_status ADD COLUMN requirement_effective_from date;
UPDATE competency_status s SET requirement_effective_from = v.effective_from FROM requirement_version v
    WHERE v.competency_id = s.competency_id AND v.version = s.requirement_version;
UPDATE competency_status SET requirement_effective_from = DATE '1970-01-01' WHERE requirement_effective_from IS NULL;
ALTER TABLE competency_status ALTER COLUMN requirement_effective_from SET NOT NULL;
CREATE INDEX competency_status_by_version ON competency_status (competency_id, requirement_effective_from, organization_id);
