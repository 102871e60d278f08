-- Issue 16 - the employer's (and the doctor's) link: a page without an account, opened from an
-- e-mailed or printed address, through which the person's employer fills the 勤務情報提供書 or
-- answers its part of the 共通アセスメント票, the doctor fills the 主治医意見書, and either sends
-- signed documents back. Each link rests on a consent (workplace_coordination naming the
-- employer, or medical_coordination for a doctor); what it shows is the consent's items only.
--
-- recipient_kind: employer | doctor. asks: codes separated by commas - work_info_form,
-- assessment_employer, doctor_opinion_form, assessment_doctor, upload. The token is stored
-- hashed; the recipient's name and address are encrypted. A link ends at expires_at, when
-- revoked, or when its consent is withdrawn or runs out.
CREATE TABLE employer_link (
  id {{id}},
  case_id BIGINT NOT NULL REFERENCES support_case (id),
  organization_id BIGINT NOT NULL REFERENCES organization (id),
  consent_id BIGINT NOT NULL REFERENCES consent (id),
  recipient_kind TEXT NOT NULL CHECK (recipient_kind IN ('employer', 'doctor')),
  asks TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  recipient_enc TEXT NOT NULL DEFAULT '',
  delivery TEXT NOT NULL DEFAULT 'mail' CHECK (delivery IN ('mail', 'print')),
  created_by BIGINT NOT NULL REFERENCES app_user (id),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked_at BIGINT,
  revoked_by BIGINT REFERENCES app_user (id)
);
CREATE UNIQUE INDEX employer_link_token_uq ON employer_link (token_hash);
CREATE INDEX employer_link_case_idx ON employer_link (case_id, id);

-- Every use of a link, like share_access: served (a page shown), saved (a draft), submitted (a
-- form returned), uploaded (a file returned), or refused with why.
CREATE TABLE employer_link_access (
  id {{id}},
  link_id BIGINT NOT NULL REFERENCES employer_link (id),
  accessed_at BIGINT NOT NULL,
  ip TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('served', 'saved', 'submitted', 'uploaded',
    'expired', 'revoked', 'consent_withdrawn', 'not_asked'))
);
CREATE INDEX employer_link_access_link_idx ON employer_link_access (link_id, id);

-- A form being filled through a link, saved as a draft (encrypted); it reaches the case only
-- when submitted.
CREATE TABLE employer_link_draft (
  link_id BIGINT NOT NULL REFERENCES employer_link (id),
  part TEXT NOT NULL,
  data_enc TEXT NOT NULL,
  saved_at BIGINT NOT NULL,
  PRIMARY KEY (link_id, part)
);

-- What a link returned as a file becomes a case_document; this says which link brought it.
CREATE TABLE employer_link_document (
  document_id BIGINT PRIMARY KEY REFERENCES case_document (id),
  link_id BIGINT NOT NULL REFERENCES employer_link (id)
);

-- A provision through a link names it.
ALTER TABLE provision_record ADD COLUMN employer_link_id BIGINT REFERENCES employer_link (id);

-- A form revision returned through a link has no staff editor: edited_by becomes nullable and
-- edited_link_id names the link (one of the two is always set).
-- @engine sqlite
CREATE TABLE case_form_revision_new (
  form_id BIGINT NOT NULL REFERENCES case_form (id),
  revision INTEGER NOT NULL,
  form_version TEXT NOT NULL,
  data_enc TEXT NOT NULL,
  edited_by BIGINT REFERENCES app_user (id),
  edited_at BIGINT NOT NULL,
  edited_link_id BIGINT REFERENCES employer_link (id),
  PRIMARY KEY (form_id, revision),
  CHECK (edited_by IS NOT NULL OR edited_link_id IS NOT NULL)
);
INSERT INTO case_form_revision_new (form_id, revision, form_version, data_enc, edited_by,
  edited_at) SELECT form_id, revision, form_version, data_enc, edited_by, edited_at
  FROM case_form_revision;
DROP TABLE case_form_revision;
ALTER TABLE case_form_revision_new RENAME TO case_form_revision;
-- @engine postgresql
ALTER TABLE case_form_revision ALTER COLUMN edited_by DROP NOT NULL;
ALTER TABLE case_form_revision ADD COLUMN edited_link_id BIGINT REFERENCES employer_link (id);
ALTER TABLE case_form_revision ADD CONSTRAINT case_form_revision_editor_check
  CHECK (edited_by IS NOT NULL OR edited_link_id IS NOT NULL);
-- @engine all
