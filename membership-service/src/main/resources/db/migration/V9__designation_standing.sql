-- M7 what membership knows of each Solutions Partner designation of an organisation, from competency-events
CREATE TABLE designation_standing (
    organization_id  uuid          NOT NULL,
    solution_area_id text          NOT NULL CHECK (length(solution_area_id) BETWEEN 1 AND 64),
    name             text          NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    held             boolean       NOT NULL,
    at_risk          boolean       NOT NULL,
    track            text          CHECK (length(track) <= 64),
    score            numeric(5,1),
    holds_until      date,
    at_risk_since    timestamptz,
    as_of            timestamptz   NOT NULL,
    version          bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (organization_id, solution_area_id)
);

-- the successor programme's benefits pack
ALTER TABLE subscription DROP CONSTRAINT IF EXISTS subscription_level_check;
ALTER TABLE subscription ADD CONSTRAINT subscription_level_check CHECK (level IN ('SILVER', 'GOLD', 'SOLUTIONS_PARTNER'));
