-- K1 competency catalogue; requirement versions (SILVER/GOLD paths) hang off it in a later migration
CREATE TABLE competency (
    id         text        PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,99}$'),
    name       text        NOT NULL,
    created_at timestamptz NOT NULL,
    version    bigint      NOT NULL DEFAULT 0
);
