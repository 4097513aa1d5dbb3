-- issue 27: an organisation appears in the public partner directory only when its partner-admins chose it (off by default)
ALTER TABLE organization ADD COLUMN listed_in_directory boolean NOT NULL DEFAULT false;
ALTER TABLE organization ADD COLUMN listing_changed_at timestamptz;
CREATE INDEX organization_directory ON organization (lower(name), id) WHERE listed_in_directory;
