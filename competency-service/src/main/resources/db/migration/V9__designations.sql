-- Issue 22, P rules: Solutions Partner designations. The catalogue (solution areas and their versioned score
-- requirement sets), the effective-dated facts the scores are read from, and the state per organisation and area.

-- P1 solution areas; `replaces` names the competencies (Silver/Gold) an area takes over, for the side by side.
CREATE TABLE solution_area (
    id         text        PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,99}$'),
    name       text        NOT NULL,
    replaces   text[]      NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL,
    version    bigint      NOT NULL DEFAULT 0
);

-- P1 a score requirement set, effective from a date: body = {metrics[{id, name, category, unit, figure, kind, growth,
-- maxPoints, threshold}], tracks[{name, when{figure, kind, growth}?, atLeast?, thresholds{}}], certifications[],
-- specialisations[{id, name, certifications[], people}]} (read by designation/AreaCatalogue).
CREATE TABLE score_version (
    solution_area_id text        NOT NULL REFERENCES solution_area (id),
    version          text        NOT NULL,
    effective_from   date        NOT NULL,
    body             jsonb       NOT NULL,
    created_at       timestamptz NOT NULL,
    PRIMARY KEY (solution_area_id, version),
    UNIQUE (solution_area_id, effective_from)
);

-- P4 skilling reads a certification's level (ASSOCIATE = intermediate, EXPERT/SPECIALTY = advanced) from
-- certification.defined.v1; credentials known before this column keep NULL until their next definition event.
ALTER TABLE known_credential ADD COLUMN level text;

-- P4 effective-dated facts per organisation: scope '' = the organisation's performance figures (figure = the metric,
-- e.g. new-customers), else a solution area's skilling counts (intermediate-certified, advanced-certified,
-- specialisation:<id>). A STOCK has one row per day it changed (period ''); a FLOW one row per reported period
-- (period 'start/end', effective on its end) with the value that counts for it. Rows are only added or, for the
-- same day or period, replaced: a past day reads the facts as they stood.
CREATE TABLE designation_fact (
    organization_id text          NOT NULL,
    scope           text          NOT NULL,
    figure          text          NOT NULL,
    effective       date          NOT NULL,
    period          text          NOT NULL DEFAULT '',
    value           numeric(24,4) NOT NULL,
    recorded_at     timestamptz   NOT NULL,
    PRIMARY KEY (organization_id, scope, figure, effective, period)
);

-- P5/P6 state per organisation and area, as of last_evaluated (the sweep replays the days after it).
CREATE TABLE designation_status (
    organization_id  text        NOT NULL,
    solution_area_id text        NOT NULL REFERENCES solution_area (id),
    state            text        NOT NULL CHECK (state IN ('NONE', 'ATTAINED', 'KEPT', 'AT_RISK', 'LOST')),
    track            text,
    score_tenths     integer     NOT NULL,
    qualifies_today  boolean     NOT NULL,
    score_version    text,
    last_evaluated   date        NOT NULL,
    updated_at       timestamptz NOT NULL,
    PRIMARY KEY (organization_id, solution_area_id)
);
CREATE INDEX designation_status_by_day ON designation_status (last_evaluated, organization_id);

-- P8 state per organisation and specialisation.
CREATE TABLE specialisation_status (
    organization_id   text        NOT NULL,
    specialisation_id text        NOT NULL,
    solution_area_id  text        NOT NULL REFERENCES solution_area (id),
    name              text        NOT NULL,
    state             text        NOT NULL CHECK (state IN ('NONE', 'ATTAINED', 'KEPT', 'AT_RISK', 'LOST')),
    have              integer     NOT NULL,
    need              integer     NOT NULL,
    updated_at        timestamptz NOT NULL,
    PRIMARY KEY (organization_id, specialisation_id)
);

-- P5 the qualifying days (of the current window) per organisation, area and subject ('' = the designation, else a
-- specialisation id).
CREATE TABLE designation_qualifying_day (
    organization_id  text NOT NULL,
    solution_area_id text NOT NULL,
    subject          text NOT NULL,
    day              date NOT NULL,
    PRIMARY KEY (organization_id, solution_area_id, subject, day)
);

-- The catalogue as shipped (effective from the programme's start, 2022-10-01 in the real world; here the version the
-- demo starts with). Business Applications follows the issue's public model; the three Azure areas match the demo
-- competencies they replace, with thresholds sized for the demo organisations (Digital & App Innovation has no
-- advanced-certification metric: areas differ in their metrics).
INSERT INTO solution_area (id, name, replaces, created_at) VALUES
    ('business-applications', 'Business Applications', '{}', now()),
    ('infra-azure', 'Infrastructure (Azure)', '{cloud-platform}', now()),
    ('data-ai-azure', 'Data & AI (Azure)', '{data-analytics}', now()),
    ('digital-app-innovation-azure', 'Digital & App Innovation (Azure)', '{app-development}', now());

INSERT INTO score_version (solution_area_id, version, effective_from, body, created_at) VALUES
('business-applications', '2026-10', DATE '2026-10-01', '{
  "metrics": [
    {"id": "net-customer-adds", "name": "Net customer adds", "category": "PERFORMANCE", "unit": "CUSTOMERS", "figure": "new-customers", "kind": "FLOW", "growth": false, "maxPoints": 15, "threshold": 3},
    {"id": "intermediate-certifications", "name": "Intermediate certifications", "category": "SKILLING", "unit": "PEOPLE", "figure": "intermediate-certified", "kind": "STOCK", "growth": false, "maxPoints": 20, "threshold": 6},
    {"id": "advanced-certifications", "name": "Advanced certifications", "category": "SKILLING", "unit": "PEOPLE", "figure": "advanced-certified", "kind": "STOCK", "growth": false, "maxPoints": 15, "threshold": 3},
    {"id": "usage-growth", "name": "Usage growth", "category": "CUSTOMER_SUCCESS", "unit": "PERCENT", "figure": "active-usage", "kind": "STOCK", "growth": true, "maxPoints": 30, "threshold": 20},
    {"id": "deployments", "name": "Deployments", "category": "CUSTOMER_SUCCESS", "unit": "SEATS", "figure": "deployed-seats", "kind": "STOCK", "growth": false, "maxPoints": 20, "threshold": 500}
  ],
  "tracks": [],
  "certifications": ["dynamics-365-functional-consultant-associate", "dynamics-365-developer-associate", "dynamics-365-solution-architect-expert"],
  "specialisations": []
}', now()),
('infra-azure', '2026-10', DATE '2026-10-01', '{
  "metrics": [
    {"id": "net-customer-adds", "name": "Net customer adds", "category": "PERFORMANCE", "unit": "CUSTOMERS", "figure": "new-customers", "kind": "FLOW", "growth": false, "maxPoints": 15, "threshold": 3},
    {"id": "intermediate-certifications", "name": "Intermediate certifications", "category": "SKILLING", "unit": "PEOPLE", "figure": "intermediate-certified", "kind": "STOCK", "growth": false, "maxPoints": 20, "threshold": 2},
    {"id": "advanced-certifications", "name": "Advanced certifications", "category": "SKILLING", "unit": "PEOPLE", "figure": "advanced-certified", "kind": "STOCK", "growth": false, "maxPoints": 15, "threshold": 1},
    {"id": "usage-growth", "name": "Usage growth", "category": "CUSTOMER_SUCCESS", "unit": "PERCENT", "figure": "active-usage", "kind": "STOCK", "growth": true, "maxPoints": 30, "threshold": 20},
    {"id": "deployments", "name": "Deployments", "category": "CUSTOMER_SUCCESS", "unit": "SEATS", "figure": "deployed-seats", "kind": "STOCK", "growth": false, "maxPoints": 20, "threshold": 200}
  ],
  "tracks": [
    {"name": "ENTERPRISE", "when": {"figure": "deployed-seats", "kind": "STOCK", "growth": false}, "atLeast": 1000, "thresholds": {"deployments": 2000}},
    {"name": "SMB", "thresholds": {}}
  ],
  "certifications": ["azure-administrator-associate", "azure-solutions-architect-expert", "azure-network-engineer-specialty"],
  "specialisations": [
    {"id": "infra-azure-networking", "name": "Networking Services in Microsoft Azure", "certifications": ["azure-network-engineer-specialty"], "people": 1}
  ]
}', now()),
('data-ai-azure', '2026-10', DATE '2026-10-01', '{
  "metrics": [
    {"id": "net-customer-adds", "name": "Net customer adds", "category": "PERFORMANCE", "unit": "CUSTOMERS", "figure": "new-customers", "kind": "FLOW", "growth": false, "maxPoints": 15, "threshold": 3},
    {"id": "intermediate-certifications", "name": "Intermediate certifications", "category": "SKILLING", "unit": "PEOPLE", "figure": "intermediate-certified", "kind": "STOCK", "growth": false, "maxPoints": 20, "threshold": 2},
    {"id": "advanced-certifications", "name": "Advanced certifications", "category": "SKILLING", "unit": "PEOPLE", "figure": "advanced-certified", "kind": "STOCK", "growth": false, "maxPoints": 15, "threshold": 1},
    {"id": "usage-growth", "name": "Usage growth", "category": "CUSTOMER_SUCCESS", "unit": "PERCENT", "figure": "active-usage", "kind": "STOCK", "growth": true, "maxPoints": 30, "threshold": 20},
    {"id": "deployments", "name": "Deployments", "category": "CUSTOMER_SUCCESS", "unit": "SEATS", "figure": "deployed-seats", "kind": "STOCK", "growth": false, "maxPoints": 20, "threshold": 200}
  ],
  "tracks": [],
  "certifications": ["azure-data-engineer-associate", "azure-solutions-architect-expert"],
  "specialisations": []
}', now()),
('digital-app-innovation-azure', '2026-10', DATE '2026-10-01', '{
  "metrics": [
    {"id": "net-customer-adds", "name": "Net customer adds", "category": "PERFORMANCE", "unit": "CUSTOMERS", "figure": "new-customers", "kind": "FLOW", "growth": false, "maxPoints": 20, "threshold": 3},
    {"id": "intermediate-certifications", "name": "Intermediate certifications", "category": "SKILLING", "unit": "PEOPLE", "figure": "intermediate-certified", "kind": "STOCK", "growth": false, "maxPoints": 30, "threshold": 1},
    {"id": "usage-growth", "name": "Usage growth", "category": "CUSTOMER_SUCCESS", "unit": "PERCENT", "figure": "active-usage", "kind": "STOCK", "growth": true, "maxPoints": 30, "threshold": 20},
    {"id": "deployments", "name": "Deployments", "category": "CUSTOMER_SUCCESS", "unit": "SEATS", "figure": "deployed-seats", "kind": "STOCK", "growth": false, "maxPoints": 20, "threshold": 200}
  ],
  "tracks": [],
  "certifications": ["azure-developer-associate", "azure-solutions-architect-expert"],
  "specialisations": []
}', now());
