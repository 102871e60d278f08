-- Community events with registration (issue 15, first slice; seeds 000, 002, 003, 004):
-- forums, lectures, seminars, staff study sessions, peer cafés, salon meetings and trainings,
-- and the people who register for them. Personal fields of registrations are encrypted by the
-- application (columns ending in _enc); _bidx columns are keyed blind indexes.

-- Places are kept per 枠: venue and online each have their own capacity (0 = not offered) and
-- count. A registration takes a place with one conditional UPDATE (taken = taken + 1 WHERE
-- taken < capacity) and the CHECKs keep the counts honest. meeting_url is never shown on a
-- public page; it is mailed to online registrants later.
CREATE TABLE community_event (
  id {{id}},
  organization_id BIGINT NOT NULL REFERENCES organization (id),
  kind TEXT NOT NULL CHECK (kind IN ('forum','lecture','seminar','staff_study','peer_cafe',
    'salon_meeting','peer_talk','training_basic','training_follow_up','training_organiser')),
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  event_date TEXT NOT NULL,
  start_minutes INTEGER NOT NULL CHECK (start_minutes >= 0 AND start_minutes < 1440),
  end_minutes INTEGER NOT NULL CHECK (end_minutes > start_minutes AND end_minutes <= 1440),
  venue TEXT NOT NULL DEFAULT '',
  access TEXT NOT NULL DEFAULT '',
  meeting_url TEXT NOT NULL DEFAULT '',
  audiences TEXT NOT NULL DEFAULT '',
  fee TEXT NOT NULL DEFAULT '',
  contact TEXT NOT NULL DEFAULT '',
  speakers TEXT NOT NULL DEFAULT '',
  co_hosts TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','published','cancelled')),
  published_at BIGINT,
  venue_capacity INTEGER NOT NULL DEFAULT 0 CHECK (venue_capacity >= 0),
  venue_taken INTEGER NOT NULL DEFAULT 0,
  online_capacity INTEGER NOT NULL DEFAULT 0 CHECK (online_capacity >= 0),
  online_taken INTEGER NOT NULL DEFAULT 0,
  created_by BIGINT REFERENCES app_user (id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CHECK (venue_taken >= 0 AND venue_taken <= venue_capacity),
  CHECK (online_taken >= 0 AND online_taken <= online_capacity)
);

CREATE INDEX community_event_org_idx ON community_event (organization_id, event_date);
CREATE INDEX community_event_public_idx ON community_event (status, event_date);

-- status: registered (holds a place of its 枠), waiting (on that 枠's waiting list, in id
-- order), cancelled. channel: how it came (web form, or entered by staff from an e-mail,
-- a phone call or a fax). affiliation: seed 002 ⑤.
CREATE TABLE event_registration (
  id {{id}},
  event_id BIGINT NOT NULL REFERENCES community_event (id),
  reference TEXT NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('venue','online')),
  status TEXT NOT NULL CHECK (status IN ('registered','waiting','cancelled')),
  channel TEXT NOT NULL CHECK (channel IN ('web','mail','phone','fax')),
  affiliation TEXT NOT NULL CHECK (affiliation IN ('patient','family','medical','government',
    'press','other')),
  municipality TEXT NOT NULL DEFAULT '',
  name_enc TEXT NOT NULL DEFAULT '',
  furigana_enc TEXT NOT NULL DEFAULT '',
  phone_enc TEXT NOT NULL DEFAULT '',
  email_enc TEXT NOT NULL DEFAULT '',
  email_bidx TEXT NOT NULL DEFAULT '',
  phone_bidx TEXT NOT NULL DEFAULT '',
  address_bidx TEXT,
  cancel_token_hash TEXT NOT NULL DEFAULT '',
  lang TEXT NOT NULL DEFAULT 'ja',
  created_by BIGINT REFERENCES app_user (id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE UNIQUE INDEX event_registration_reference_uq ON event_registration (reference);
CREATE INDEX event_registration_event_idx ON event_registration (event_id, status, mode, id);
CREATE INDEX event_registration_cancel_idx ON event_registration (cancel_token_hash);
