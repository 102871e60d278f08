-- Trust rules over shared records (issue 12): who holds a consent's signed form, what a
-- consent for workplace coordination names, how often a share link may be downloaded, and
-- which organisation holds the record an audit event touched.

-- A consent for 勤務先との調整 names the employer the person agreed to (and, when known, the
-- contact's address): documents go by share link only to them. Encrypted like other free text.
ALTER TABLE consent ADD COLUMN employer_enc TEXT NOT NULL DEFAULT '';
ALTER TABLE consent ADD COLUMN employer_email_enc TEXT NOT NULL DEFAULT '';

-- A replaced signed 同意書 is kept: the earlier file and who replaced it when.
CREATE TABLE consent_form_revision (
  id {{id}},
  consent_id BIGINT NOT NULL REFERENCES consent (id),
  file_id BIGINT NOT NULL REFERENCES stored_file (id),
  replaced_by BIGINT NOT NULL REFERENCES app_user (id),
  replaced_at BIGINT NOT NULL
);

CREATE INDEX consent_form_revision_consent_idx ON consent_form_revision (consent_id, id);

-- Downloads through a share link are counted; a link may allow only so many.
ALTER TABLE share_link ADD COLUMN max_downloads INTEGER;
ALTER TABLE share_link ADD COLUMN downloads INTEGER NOT NULL DEFAULT 0;

-- A refused download because the link's limit was reached is logged like the others.
-- @engine sqlite
CREATE TABLE share_access_new (
  id {{id}},
  share_link_id BIGINT NOT NULL REFERENCES share_link (id),
  accessed_at BIGINT NOT NULL,
  ip TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('served','expired','revoked','consent_withdrawn',
    'limit_reached'))
);
INSERT INTO share_access_new (id, share_link_id, accessed_at, ip, outcome)
  SELECT id, share_link_id, accessed_at, ip, outcome FROM share_access;
DROP TABLE share_access;
ALTER TABLE share_access_new RENAME TO share_access;
CREATE INDEX share_access_link_idx ON share_access (share_link_id, id);
-- @engine postgresql
ALTER TABLE share_access DROP CONSTRAINT share_access_outcome_check;
ALTER TABLE share_access ADD CONSTRAINT share_access_outcome_check
  CHECK (outcome IN ('served','expired','revoked','consent_withdrawn','limit_reached'));
-- @engine all

-- The organisations holding the record an audit event is about, when the actor is of another
-- organisation: the holder's audit page lists every access to its records by others. Kept
-- beside the chained events, so the chain itself is unchanged.
CREATE TABLE audit_holder (
  organization_id BIGINT NOT NULL,
  seq BIGINT NOT NULL,
  PRIMARY KEY (organization_id, seq)
);
