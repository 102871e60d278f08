-- Running a consultation day (seed 001 エ–キ): arrivals, booths and counselors, the waiting
-- list's held places, consultation records, and the anonymous questionnaire.

-- check-in time (来所), booth number, a waiting person's offer link, and whether the
-- questionnaire invitation went out (so it goes once).
ALTER TABLE booking ADD COLUMN checked_in_at BIGINT;
ALTER TABLE booking ADD COLUMN booth INTEGER;
ALTER TABLE booking ADD COLUMN offer_token_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE booking ADD COLUMN survey_sent_at BIGINT;

CREATE INDEX booking_offer_idx ON booking (offer_token_hash);

-- Counselors assigned to one consultation (several professions may sit together).
CREATE TABLE booking_staff (
  booking_id BIGINT NOT NULL REFERENCES booking (id),
  user_id BIGINT NOT NULL REFERENCES app_user (id),
  PRIMARY KEY (booking_id, user_id)
);

-- 相談記録: one per attended booking, written by a counselor and collected by the host
-- organisation. Codes are stored as comma-separated lists (labels in the catalogues); the
-- free text is encrypted (summary_enc, info_given_enc) with the record id in the associated
-- data.
CREATE TABLE consultation_record (
  id {{id}},
  booking_id BIGINT NOT NULL REFERENCES booking (id),
  day_id BIGINT NOT NULL REFERENCES consultation_day (id),
  professions TEXT NOT NULL DEFAULT '',
  topics TEXT NOT NULL DEFAULT '',
  referred_to TEXT NOT NULL DEFAULT '',
  outcome TEXT NOT NULL DEFAULT '',
  follow_up TEXT NOT NULL CHECK (follow_up IN ('none','continue','support_promoter','expert')),
  minutes INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 600),
  summary_enc TEXT NOT NULL DEFAULT '',
  info_given_enc TEXT NOT NULL DEFAULT '',
  author_id BIGINT REFERENCES app_user (id),
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE UNIQUE INDEX consultation_record_booking_uq ON consultation_record (booking_id);
CREATE INDEX consultation_record_day_idx ON consultation_record (day_id);

-- Questionnaire invitations carry no booking id: a response cannot be traced to a person.
-- Only the programme and fiscal year are kept, so the answer counts where it belongs.
CREATE TABLE survey_invitation (
  id {{id}},
  program_id BIGINT NOT NULL REFERENCES program (id),
  fiscal_year INTEGER NOT NULL,
  token_hash TEXT NOT NULL,
  expires_at BIGINT NOT NULL,
  used INTEGER NOT NULL DEFAULT 0
);

CREATE UNIQUE INDEX survey_invitation_token_uq ON survey_invitation (token_hash);

-- One anonymous answer sheet (channel: 'email' link or 'paper' entered by staff). No time,
-- no day, no booking: nothing to join on. The free comment is encrypted like other free text.
CREATE TABLE survey_response (
  id {{id}},
  program_id BIGINT NOT NULL REFERENCES program (id),
  fiscal_year INTEGER NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('email','paper')),
  satisfaction INTEGER CHECK (satisfaction BETWEEN 1 AND 5),
  helpfulness TEXT NOT NULL DEFAULT '',
  outlook TEXT NOT NULL DEFAULT '',
  use_again TEXT NOT NULL DEFAULT '',
  heard_from TEXT NOT NULL DEFAULT '',
  comment_enc TEXT NOT NULL DEFAULT ''
);

CREATE INDEX survey_response_program_idx ON survey_response (program_id, fiscal_year);
