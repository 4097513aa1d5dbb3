-- Issue 27: each status change keeps the requirement progress (have/need per requirement) of that moment, so that the
-- portal can chart have/need over time. Null for the changes recorded before (the history shows no progress for them).
ALTER TABLE competency_status_change
    ADD COLUMN requirements jsonb,
    ADD CONSTRAINT competency_status_change_requirements_array CHECK (requirements IS NULL OR jsonb_typeof(requirements) = 'array');
