-- C7 share codes: a candidate's revocable, optionally expiring link to a read-only public transcript.
-- The code is 128 random bits, base64url (22 characters); revoked codes stay listed (revoked_at).
CREATE TABLE share_code (
    code         text        PRIMARY KEY CHECK (code ~ '^[A-Za-z0-9_-]{22}$'),
    candidate_id text        NOT NULL,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    CHECK (expires_at IS NULL OR expires_at > created_at)
);

CREATE INDEX share_code_candidate ON share_code (candidate_id, created_at);
