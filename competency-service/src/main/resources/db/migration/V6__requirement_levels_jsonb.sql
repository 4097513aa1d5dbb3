-- One persistence convention (issue #20): JSON in a column is jsonb. SILVER and GOLD of a requirement version were
-- the accepted JSON stored as text; the text converts as it is ({paths: [{requirements: [...]}]}).
ALTER TABLE requirement_version
    ALTER COLUMN silver TYPE jsonb USING silver::jsonb,
    ALTER COLUMN gold   TYPE jsonb USING gold::jsonb,
    ADD CONSTRAINT requirement_version_silver_object CHECK (jsonb_typeof(silver) = 'object'),
    ADD CONSTRAINT requirement_version_gold_object CHECK (jsonb_typeof(gold) = 'object');
