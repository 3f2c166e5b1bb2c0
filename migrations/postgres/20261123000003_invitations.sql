-- Invitations: a single-use link can carry the organisation and role it invites to.
ALTER TABLE one_time_links ADD COLUMN organisation_id UUID REFERENCES organisations (id);
ALTER TABLE one_time_links ADD COLUMN role TEXT;
