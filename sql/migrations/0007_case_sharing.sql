-- Case sharing between organisations (seed 003) clients, consents and APPI provision
-- records, closed-loop referrals, support cases with their timeline, tasks, forms, documents
-- and expiring share links. Columns ending in _enc are encrypted by the application with the
-- row's place as associated data; client_search holds keyed blind indexes for look-ups.

-- A stored file (an uploaded document or a signed consent form), encrypted whole.
CREATE TABLE stored_file (
  id {{id}},
  organization_id BIGINT NOT NULL REFERENCES organization (id),
  content_type TEXT NOT NULL CHECK (content_type IN ('application/pdf','image/png','image/jpeg')),
  byte_size BIGINT NOT NULL CHECK (byte_size > 0),
  name_enc TEXT NOT NULL,
  content_enc TEXT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES app_user (id),
  created_at BIGINT NOT NULL
);

-- 相談者. organization_id is the organisation that registered the person and owns the core
-- record; others see it only through a consent (consent_party).
CREATE TABLE client (
  id {{id}},
  organization_id BIGINT NOT NULL REFERENCES organization (id),
  name_enc TEXT NOT NULL,
  kana_enc TEXT NOT NULL,
  phone_enc TEXT NOT NULL DEFAULT '',
  email_enc TEXT NOT NULL DEFAULT '',
  birth_year INTEGER CHECK (birth_year IS NULL OR birth_year BETWEEN 1900 AND 2100),
  age_band TEXT NOT NULL DEFAULT '',
  gender TEXT NOT NULL DEFAULT '',
  municipality TEXT NOT NULL DEFAULT '',
  diagnosis_enc TEXT NOT NULL DEFAULT '',
  treatment_status TEXT NOT NULL DEFAULT '',
  work_status TEXT NOT NULL DEFAULT '',
  employer_enc TEXT NOT NULL DEFAULT '',
  notes_enc TEXT NOT NULL DEFAULT '',
  booking_id BIGINT REFERENCES booking (id),
  version INTEGER NOT NULL DEFAULT 1,
  created_by BIGINT NOT NULL REFERENCES app_user (id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE INDEX client_org_idx ON client (organization_id, id);
CREATE UNIQUE INDEX client_booking_uq ON client (booking_id);

-- Blind indexes of a client's name (whole and each part), ふりがな and phone.
-- purpose is 'name', 'name_part', 'kana', 'kana_part' or 'phone'.
CREATE TABLE client_search (
  client_id BIGINT NOT NULL REFERENCES client (id),
  purpose TEXT NOT NULL,
  digest TEXT NOT NULL,
  PRIMARY KEY (client_id, purpose, digest)
);

CREATE INDEX client_search_digest_idx ON client_search (digest, purpose);

-- 同意. The parties are the recording organisation and the organisations it names; items are
-- comma-separated codes (basic, medical, work, records, documents).
CREATE TABLE consent (
  id {{id}},
  client_id BIGINT NOT NULL REFERENCES client (id),
  organization_id BIGINT NOT NULL REFERENCES organization (id),
  items TEXT NOT NULL,
  purpose TEXT NOT NULL,
  purpose_note_enc TEXT NOT NULL DEFAULT '',
  valid_from TEXT NOT NULL,
  valid_until TEXT NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('written','oral','electronic')),
  form_file_id BIGINT REFERENCES stored_file (id),
  recorded_by BIGINT NOT NULL REFERENCES app_user (id),
  recorded_at BIGINT NOT NULL,
  withdrawn_at BIGINT,
  withdrawn_by BIGINT REFERENCES app_user (id),
  withdrawn_org_id BIGINT REFERENCES organization (id),
  withdrawal_note_enc TEXT NOT NULL DEFAULT '',
  CHECK (valid_until >= valid_from)
);

CREATE INDEX consent_client_idx ON consent (client_id);

CREATE TABLE consent_party (
  consent_id BIGINT NOT NULL REFERENCES consent (id),
  organization_id BIGINT NOT NULL REFERENCES organization (id),
  PRIMARY KEY (consent_id, organization_id)
);

CREATE INDEX consent_party_org_idx ON consent_party (organization_id, consent_id);

-- 第三者提供の記録 (APPI 法29条). One row per provision; repeated reads by the same recipient
-- under the same consent on the same day are one continuous provision (the unique index).
CREATE TABLE provision_record (
  id {{id}},
  provider_org_id BIGINT NOT NULL REFERENCES organization (id),
  recipient_org_id BIGINT REFERENCES organization (id),
  recipient_label_enc TEXT NOT NULL DEFAULT '',
  client_id BIGINT NOT NULL REFERENCES client (id),
  consent_id BIGINT NOT NULL REFERENCES consent (id),
  items TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('referral','shared_view','share_link')),
  provided_on TEXT NOT NULL,
  provided_at BIGINT NOT NULL,
  actor_user_id BIGINT REFERENCES app_user (id),
  share_link_id BIGINT
);

CREATE INDEX provision_record_provider_idx ON provision_record (provider_org_id, provided_at);
CREATE UNIQUE INDEX provision_record_daily_uq
  ON provision_record (consent_id, provider_org_id, recipient_org_id, channel, provided_on)
  WHERE channel = 'shared_view';

-- 紹介・引継ぎ, closed loop (FORMS.md referral status).
CREATE TABLE referral (
  id {{id}},
  client_id BIGINT NOT NULL REFERENCES client (id),
  consent_id BIGINT NOT NULL REFERENCES consent (id),
  from_org_id BIGINT NOT NULL REFERENCES organization (id),
  to_org_id BIGINT NOT NULL REFERENCES organization (id),
  sent_by BIGINT NOT NULL REFERENCES app_user (id),
  reason TEXT NOT NULL,
  note_enc TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('sent','accepted','declined','in_progress','completed',
    'withdrawn')),
  decline_reason TEXT NOT NULL DEFAULT '',
  result TEXT NOT NULL DEFAULT '',
  result_reason TEXT NOT NULL DEFAULT '',
  case_id BIGINT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CHECK (from_org_id <> to_org_id)
);

CREATE INDEX referral_from_idx ON referral (from_org_id, status);
CREATE INDEX referral_to_idx ON referral (to_org_id, status);
CREATE INDEX referral_client_idx ON referral (client_id);

CREATE TABLE referral_event (
  id {{id}},
  referral_id BIGINT NOT NULL REFERENCES referral (id),
  status TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  note_enc TEXT NOT NULL DEFAULT '',
  actor_user_id BIGINT NOT NULL REFERENCES app_user (id),
  actor_org_id BIGINT NOT NULL REFERENCES organization (id),
  occurred_at BIGINT NOT NULL
);

CREATE INDEX referral_event_referral_idx ON referral_event (referral_id, id);

-- 支援ケース（伴走支援）, run by organization_id.
CREATE TABLE support_case (
  id {{id}},
  organization_id BIGINT NOT NULL REFERENCES organization (id),
  client_id BIGINT NOT NULL REFERENCES client (id),
  referral_id BIGINT REFERENCES referral (id),
  owner_user_id BIGINT NOT NULL REFERENCES app_user (id),
  status TEXT NOT NULL CHECK (status IN ('intake','assessment','planning',
    'workplace_coordination','job_search','retention','closed')),
  employer_status TEXT NOT NULL DEFAULT 'not_started',
  agency_status TEXT NOT NULL DEFAULT 'not_started',
  goals_enc TEXT NOT NULL DEFAULT '',
  outcome TEXT NOT NULL DEFAULT '',
  outcome_on TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  opened_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  closed_at BIGINT
);

CREATE INDEX support_case_org_idx ON support_case (organization_id, status);
CREATE INDEX support_case_client_idx ON support_case (client_id);
CREATE UNIQUE INDEX support_case_referral_uq ON support_case (referral_id);
-- One open case per person and organisation: a second referral joins the open case.
CREATE UNIQUE INDEX support_case_open_uq ON support_case (organization_id, client_id)
  WHERE status <> 'closed';

CREATE TABLE case_staff (
  case_id BIGINT NOT NULL REFERENCES support_case (id),
  user_id BIGINT NOT NULL REFERENCES app_user (id),
  PRIMARY KEY (case_id, user_id)
);

-- 経過記録. kind: interview, employer_contact, accompanied_visit, agency_contact, document,
-- status_change, comment, note. Edits keep the previous text in timeline_revision.
CREATE TABLE timeline_entry (
  id {{id}},
  case_id BIGINT NOT NULL REFERENCES support_case (id),
  organization_id BIGINT NOT NULL REFERENCES organization (id),
  author_id BIGINT NOT NULL REFERENCES app_user (id),
  kind TEXT NOT NULL,
  occurred_on TEXT NOT NULL,
  body_enc TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE INDEX timeline_entry_case_idx ON timeline_entry (case_id, id);

CREATE TABLE timeline_revision (
  entry_id BIGINT NOT NULL REFERENCES timeline_entry (id),
  version INTEGER NOT NULL,
  kind TEXT NOT NULL,
  occurred_on TEXT NOT NULL,
  body_enc TEXT NOT NULL,
  edited_by BIGINT NOT NULL REFERENCES app_user (id),
  edited_at BIGINT NOT NULL,
  PRIMARY KEY (entry_id, version)
);

CREATE TABLE timeline_mention (
  entry_id BIGINT NOT NULL REFERENCES timeline_entry (id),
  user_id BIGINT NOT NULL REFERENCES app_user (id),
  PRIMARY KEY (entry_id, user_id)
);

CREATE TABLE case_task (
  id {{id}},
  case_id BIGINT NOT NULL REFERENCES support_case (id),
  organization_id BIGINT NOT NULL REFERENCES organization (id),
  title_enc TEXT NOT NULL,
  due_on TEXT NOT NULL,
  owner_user_id BIGINT NOT NULL REFERENCES app_user (id),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','done')),
  created_by BIGINT NOT NULL REFERENCES app_user (id),
  created_at BIGINT NOT NULL,
  done_at BIGINT,
  reminded_on TEXT NOT NULL DEFAULT ''
);

CREATE INDEX case_task_case_idx ON case_task (case_id, status);
CREATE INDEX case_task_due_idx ON case_task (status, due_on);

-- The MHLW 両立支援 forms and the shared assessment sheet; every save is a new revision.
CREATE TABLE case_form (
  id {{id}},
  case_id BIGINT NOT NULL REFERENCES support_case (id),
  organization_id BIGINT NOT NULL REFERENCES organization (id),
  form_type TEXT NOT NULL CHECK (form_type IN ('work_info_form','doctor_opinion_form',
    'support_plan','assessment')),
  form_version TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE INDEX case_form_case_idx ON case_form (case_id);

CREATE TABLE case_form_revision (
  form_id BIGINT NOT NULL REFERENCES case_form (id),
  revision INTEGER NOT NULL,
  form_version TEXT NOT NULL,
  data_enc TEXT NOT NULL,
  edited_by BIGINT NOT NULL REFERENCES app_user (id),
  edited_at BIGINT NOT NULL,
  PRIMARY KEY (form_id, revision)
);

CREATE TABLE case_document (
  id {{id}},
  case_id BIGINT NOT NULL REFERENCES support_case (id),
  organization_id BIGINT NOT NULL REFERENCES organization (id),
  file_id BIGINT NOT NULL REFERENCES stored_file (id),
  title_enc TEXT NOT NULL DEFAULT '',
  uploaded_by BIGINT NOT NULL REFERENCES app_user (id),
  created_at BIGINT NOT NULL,
  removed_at BIGINT
);

CREATE INDEX case_document_case_idx ON case_document (case_id);

-- A document shared with an employer contact: a single-purpose link (the token is stored
-- hashed) that ends at expires_at, when revoked, or when its consent is withdrawn.
CREATE TABLE share_link (
  id {{id}},
  document_id BIGINT NOT NULL REFERENCES case_document (id),
  consent_id BIGINT NOT NULL REFERENCES consent (id),
  token_hash TEXT NOT NULL,
  recipient_enc TEXT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES app_user (id),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked_at BIGINT
);

CREATE UNIQUE INDEX share_link_token_uq ON share_link (token_hash);
CREATE INDEX share_link_document_idx ON share_link (document_id);

CREATE TABLE share_access (
  id {{id}},
  share_link_id BIGINT NOT NULL REFERENCES share_link (id),
  accessed_at BIGINT NOT NULL,
  ip TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('served','expired','revoked','consent_withdrawn'))
);

CREATE INDEX share_access_link_idx ON share_access (share_link_id, id);
