-- One-stop consultation days (seeds 000 and 001) programmes, targets, days, slots, staff
-- rosters and bookings. Personal fields of bookings are encrypted by the application
-- (columns ending in _enc); _bidx columns are keyed blind indexes for exact look-ups.

CREATE TABLE program (
  id {{id}},
  organization_id BIGINT NOT NULL REFERENCES organization (id),
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','archived')),
  created_at BIGINT NOT NULL
);

CREATE INDEX program_org_idx ON program (organization_id);

-- 年間目標 per fiscal year (April to March).
CREATE TABLE program_target (
  program_id BIGINT NOT NULL REFERENCES program (id),
  fiscal_year INTEGER NOT NULL,
  consultations INTEGER NOT NULL CHECK (consultations >= 0),
  placements INTEGER NOT NULL CHECK (placements >= 0),
  days INTEGER NOT NULL CHECK (days >= 0),
  PRIMARY KEY (program_id, fiscal_year)
);

CREATE TABLE consultation_day (
  id {{id}},
  program_id BIGINT NOT NULL REFERENCES program (id),
  day_date TEXT NOT NULL,
  start_minutes INTEGER NOT NULL CHECK (start_minutes >= 0 AND start_minutes < 1440),
  end_minutes INTEGER NOT NULL CHECK (end_minutes > start_minutes AND end_minutes <= 1440),
  mode TEXT NOT NULL CHECK (mode IN ('in_person','phone','online')),
  venue TEXT NOT NULL DEFAULT '',
  meeting_url TEXT NOT NULL DEFAULT '',
  booths INTEGER NOT NULL CHECK (booths BETWEEN 1 AND 50),
  slot_minutes INTEGER NOT NULL CHECK (slot_minutes BETWEEN 10 AND 240),
  status TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled','cancelled')),
  moved_from TEXT,
  prep_notes_enc TEXT NOT NULL DEFAULT '',
  debrief_notes_enc TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
);

CREATE INDEX consultation_day_program_idx ON consultation_day (program_id, day_date);

-- Capacity is enforced here: a booking takes a place with one conditional UPDATE
-- (booked = booked + 1 WHERE booked < capacity) and the CHECK keeps the count honest.
CREATE TABLE consultation_slot (
  id {{id}},
  day_id BIGINT NOT NULL REFERENCES consultation_day (id),
  start_minutes INTEGER NOT NULL,
  end_minutes INTEGER NOT NULL,
  capacity INTEGER NOT NULL CHECK (capacity >= 0),
  booked INTEGER NOT NULL DEFAULT 0,
  CHECK (booked >= 0 AND booked <= capacity)
);

CREATE UNIQUE INDEX consultation_slot_time_uq ON consultation_slot (day_id, start_minutes);

CREATE TABLE day_staff (
  day_id BIGINT NOT NULL REFERENCES consultation_day (id),
  user_id BIGINT NOT NULL REFERENCES app_user (id),
  profession TEXT NOT NULL,
  PRIMARY KEY (day_id, user_id)
);

-- status: booked, cancelled, attended, no_show, waiting (on the waiting list), offered (a
-- freed place is held for a waiting person until hold_expires_at).
CREATE TABLE booking (
  id {{id}},
  reference TEXT NOT NULL,
  day_id BIGINT NOT NULL REFERENCES consultation_day (id),
  slot_id BIGINT REFERENCES consultation_slot (id),
  status TEXT NOT NULL CHECK (status IN ('booked','cancelled','attended','no_show','waiting','offered')),
  channel TEXT NOT NULL CHECK (channel IN ('web','phone','mail','walk_in')),
  for_family INTEGER NOT NULL DEFAULT 0,
  relationship TEXT NOT NULL DEFAULT '',
  gender TEXT NOT NULL DEFAULT '',
  age_band TEXT NOT NULL DEFAULT '',
  municipality TEXT NOT NULL DEFAULT '',
  heard_from TEXT NOT NULL DEFAULT '',
  treatment_status TEXT NOT NULL DEFAULT '',
  work_status TEXT NOT NULL DEFAULT '',
  topics TEXT NOT NULL DEFAULT '',
  needs_consideration INTEGER NOT NULL DEFAULT 0,
  name_enc TEXT NOT NULL DEFAULT '',
  furigana_enc TEXT NOT NULL DEFAULT '',
  phone_enc TEXT NOT NULL DEFAULT '',
  email_enc TEXT NOT NULL DEFAULT '',
  diagnosis_enc TEXT NOT NULL DEFAULT '',
  notes_enc TEXT NOT NULL DEFAULT '',
  email_bidx TEXT NOT NULL DEFAULT '',
  phone_bidx TEXT NOT NULL DEFAULT '',
  cancel_token_hash TEXT NOT NULL DEFAULT '',
  hold_expires_at BIGINT,
  created_by BIGINT REFERENCES app_user (id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE UNIQUE INDEX booking_reference_uq ON booking (reference);
CREATE INDEX booking_day_idx ON booking (day_id, status);
CREATE INDEX booking_slot_idx ON booking (slot_id);
CREATE INDEX booking_cancel_idx ON booking (cancel_token_hash);

-- Notices sent for a day: the primary key makes each one go out once, even with several
-- servers (staff_status 2 days before, reminders 1 day before).
CREATE TABLE day_notice (
  day_id BIGINT NOT NULL REFERENCES consultation_day (id),
  kind TEXT NOT NULL CHECK (kind IN ('staff_status','reminders')),
  sent_at BIGINT NOT NULL,
  PRIMARY KEY (day_id, kind)
);
