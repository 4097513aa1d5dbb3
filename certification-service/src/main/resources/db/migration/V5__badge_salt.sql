-- C8b The badge's recipient identity is hashed with a random salt per holding (Open Badges IdentityObject,
-- hashed: true): identityHash = 'sha256$' || hex(sha256(candidate_id || badge_salt)). The salt is never in a public
-- document; the holder hands it (with their candidate id) to whoever should check that the badge is theirs.
-- New holdings get 16 random bytes (32 hex characters) from the service's SecureRandom. Existing holdings get one
-- here, in the same format, from PostgreSQL's strong random source (gen_random_uuid, not random()), so that every row
-- has its salt before the service starts: no read path ever writes, and two first readers can never disagree.
ALTER TABLE certification_holding ADD COLUMN badge_salt text;

UPDATE certification_holding SET badge_salt = md5(gen_random_uuid()::text || gen_random_uuid()::text);

ALTER TABLE certification_holding
    ALTER COLUMN badge_salt SET NOT NULL,
    ADD CONSTRAINT certification_holding_badge_salt CHECK (badge_salt ~ '^[0-9a-f]{32}$');
