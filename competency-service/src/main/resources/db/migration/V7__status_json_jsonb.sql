-- One persistence convention (issue #20): JSON in a column is jsonb. A status' reasons and requirement progress and a
-- status change's reasons were JSON arrays stored as text; the text converts as it is.
ALTER TABLE competency_status
    ALTER COLUMN reasons      TYPE jsonb USING reasons::jsonb,
    ALTER COLUMN requirements TYPE jsonb USING requirements::jsonb,
    ADD CONSTRAINT competency_status_reasons_array CHECK (jsonb_typeof(reasons) = 'array'),
    ADD CONSTRAINT competency_status_requirements_array CHECK (jsonb_typeof(requirements) = 'array');
ALTER TABLE competency_status_change
    ALTER COLUMN reasons TYPE jsonb USING reasons::jsonb,
    ADD CONSTRAINT competency_status_change_reasons_array CHECK (jsonb_typeof(reasons) = 'array');
