-- Issue 15 - cancer salons (がんサロン) and peer supporters (ピア・サポーター), seed 004. Both are
-- kept by the coordinating organisation (the prefecture's cancer support centre).
--
-- A salon's regular schedule is a ScheduleRule (src/consultations), with occurrences in RFC 5545 BYDAY
-- form ("3SA", "-1SA" for 最終土曜, several separated by commas), times in minutes after
-- midnight and what a holiday does (skip, next, previous business day). Public reference data;
-- nothing here names a person; 世話人 are described by their roles only. capacity is the
-- places for registration on each meeting (0 - just come, no registration). planned_month is
-- the month (YYYY-MM) whose monthly round last generated the salon's meetings.
CREATE TABLE salon (
  id {{id}},
  organization_id BIGINT NOT NULL REFERENCES organization (id),
  name TEXT NOT NULL,
  furigana TEXT NOT NULL DEFAULT '',
  host_kind TEXT NOT NULL CHECK (host_kind IN ('hospital', 'patient_group', 'other')),
  host_name TEXT NOT NULL DEFAULT '',
  caretaker_roles TEXT NOT NULL DEFAULT '',
  occurrences TEXT NOT NULL,
  start_minutes INTEGER NOT NULL CHECK (start_minutes >= 0 AND start_minutes < 1440),
  end_minutes INTEGER NOT NULL CHECK (end_minutes > start_minutes AND end_minutes <= 1440),
  on_holiday TEXT NOT NULL DEFAULT 'skip' CHECK (on_holiday IN ('skip', 'next', 'previous')),
  venue TEXT NOT NULL DEFAULT '',
  access TEXT NOT NULL DEFAULT '',
  municipality TEXT NOT NULL DEFAULT '',
  audience TEXT NOT NULL DEFAULT '',
  network TEXT NOT NULL DEFAULT '',
  contact TEXT NOT NULL DEFAULT '',
  capacity INTEGER NOT NULL DEFAULT 0 CHECK (capacity >= 0),
  planned_month TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'closed')),
  search_key TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE INDEX salon_org_idx ON salon (organization_id, status);

-- A salon's meetings are community events of kind salon_meeting, one per salon and date.
ALTER TABLE community_event ADD COLUMN salon_id BIGINT REFERENCES salon (id);
CREATE UNIQUE INDEX community_event_salon_date_uq ON community_event (salon_id, event_date);

-- Peer supporters have no login. display_name is the only thing ever shown publicly; the real
-- name and contact are encrypted by the application (_enc) and read only by the keeping
-- organisation's staff, each read audited. activities - codes separated by commas (salon,
-- talk, hotline, storyteller).
CREATE TABLE peer_supporter (
  id {{id}},
  organization_id BIGINT NOT NULL REFERENCES organization (id),
  display_name TEXT NOT NULL,
  real_name_enc TEXT NOT NULL DEFAULT '',
  phone_enc TEXT NOT NULL DEFAULT '',
  email_enc TEXT NOT NULL DEFAULT '',
  address_enc TEXT NOT NULL DEFAULT '',
  area TEXT NOT NULL DEFAULT '',
  consent_date TEXT NOT NULL,
  activities TEXT NOT NULL DEFAULT '',
  salon_id BIGINT REFERENCES salon (id),
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE INDEX peer_supporter_org_idx ON peer_supporter (organization_id, status);

CREATE TABLE peer_training (
  id {{id}},
  peer_id BIGINT NOT NULL REFERENCES peer_supporter (id),
  kind TEXT NOT NULL CHECK (kind IN ('basic', 'follow_up')),
  completed_on TEXT NOT NULL,
  event_id BIGINT REFERENCES community_event (id),
  created_at BIGINT NOT NULL
);

CREATE INDEX peer_training_peer_idx ON peer_training (peer_id, completed_on);

-- A shift at おしゃべり相談室 (a community event of kind peer_talk) or on the hotline. Overlaps
-- for one peer are refused by PeerService under a lock on the peer's row.
CREATE TABLE peer_shift (
  id {{id}},
  organization_id BIGINT NOT NULL REFERENCES organization (id),
  peer_id BIGINT NOT NULL REFERENCES peer_supporter (id),
  kind TEXT NOT NULL CHECK (kind IN ('peer_talk', 'hotline')),
  event_id BIGINT REFERENCES community_event (id),
  shift_date TEXT NOT NULL,
  start_minutes INTEGER NOT NULL CHECK (start_minutes >= 0 AND start_minutes < 1440),
  end_minutes INTEGER NOT NULL CHECK (end_minutes > start_minutes AND end_minutes <= 1440),
  created_at BIGINT NOT NULL
);

CREATE INDEX peer_shift_peer_idx ON peer_shift (peer_id, shift_date);
CREATE INDEX peer_shift_event_idx ON peer_shift (event_id);

CREATE TABLE peer_dispatch (
  id {{id}},
  organization_id BIGINT NOT NULL REFERENCES organization (id),
  peer_id BIGINT NOT NULL REFERENCES peer_supporter (id),
  dispatch_date TEXT NOT NULL,
  destination_kind TEXT NOT NULL CHECK (destination_kind IN ('palliative_training', 'lecture',
    'academic', 'peer_training', 'other')),
  destination_name TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL CHECK (role IN ('storyteller', 'facilitator')),
  notes TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
);

CREATE INDEX peer_dispatch_org_idx ON peer_dispatch (organization_id, dispatch_date);
