-- M1 partner organisations: unique partner id (MPN id, digits), name, country (ISO 3166-1 alpha-2)
CREATE TABLE organization (
    id         uuid        PRIMARY KEY,
    mpn_id     text        NOT NULL CHECK (mpn_id ~ '^[0-9]{1,20}$'),
    name       text        NOT NULL,
    country    char(2)     NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    created_at timestamptz NOT NULL,
    version    bigint      NOT NULL DEFAULT 0,
    CONSTRAINT organization_mpn_id_unique UNIQUE (mpn_id)
);
