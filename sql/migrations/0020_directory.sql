-- Issue 15: the information directory (地域の相談窓口・情報), shaped after Open Referral HSDS 3.0.
-- Public reference data, not personal data: nothing here is encrypted. Columns carry HSDS's
-- names so that the export maps one to one (docs/decisions.md). Entries belong to the
-- organisation whose staff maintain them (owner_organization_id); services are deactivated,
-- never deleted. search_key holds the fields a visitor searches, folded for matching
-- (core::NormalizeForSearch), one line per field.
CREATE TABLE directory_organization (
  id {{id}},
  owner_organization_id BIGINT NOT NULL REFERENCES organization (id),
  name TEXT NOT NULL,
  furigana TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  website TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  search_key TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE INDEX directory_organization_owner_idx ON directory_organization (owner_organization_id);

CREATE TABLE directory_service (
  id {{id}},
  owner_organization_id BIGINT NOT NULL REFERENCES organization (id),
  organization_id BIGINT NOT NULL REFERENCES directory_organization (id),
  name TEXT NOT NULL,
  furigana TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  category TEXT NOT NULL CHECK (category IN ('fertility', 'employment', 'my_karte', 'disaster',
    'hospitals', 'second_opinion', 'trusted_info', 'labor_and_law', 'hello_work', 'other')),
  eligibility_description TEXT NOT NULL DEFAULT '',
  fees_description TEXT NOT NULL DEFAULT '',
  application_process TEXT NOT NULL DEFAULT '',
  url TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
  state_province TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '',
  address_1 TEXT NOT NULL DEFAULT '',
  postal_code TEXT NOT NULL DEFAULT '',
  transportation TEXT NOT NULL DEFAULT '',
  phone_number TEXT NOT NULL DEFAULT '',
  schedule_description TEXT NOT NULL DEFAULT '',
  search_key TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE INDEX directory_service_owner_idx ON directory_service (owner_organization_id);
CREATE INDEX directory_service_status_idx ON directory_service (status, category);
