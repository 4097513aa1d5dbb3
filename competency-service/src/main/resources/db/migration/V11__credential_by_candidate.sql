-- #25: every holding of a candidate by candidate id, active or ended. employee.joined/left move all of a candidate's
-- holdings to the new organisation (Projections.moveHoldings); the partial index of V3 (active holdings only) could not
-- serve that UPDATE, so each membership event scanned the whole credential table (~80 ms at 500,000 holdings, the
-- bulk of the ~50 ms per event the competency benchmark measured). This index serves the active-only reads too.
CREATE INDEX credential_by_candidate ON credential (candidate_id);
DROP INDEX credential_active_by_candidate;
