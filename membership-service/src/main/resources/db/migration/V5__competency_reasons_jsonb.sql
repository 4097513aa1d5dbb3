-- One persistence convention (issue #20): JSON in a column is jsonb. The reasons of a competency standing were a JSON
-- array of strings stored as text; the text converts as it is.
ALTER TABLE competency_standing ALTER COLUMN reasons DROP DEFAULT;
ALTER TABLE competency_standing
    ALTER COLUMN reasons TYPE jsonb USING reasons::jsonb,
    ALTER COLUMN reasons SET DEFAULT '[]'::jsonb,
    ADD CONSTRAINT competency_standing_reasons_array CHECK (jsonb_typeof(reasons) = 'array');
