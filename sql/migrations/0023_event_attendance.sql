-- Issue 15: check-in, attendance, participant types and the training report (seed 004 表6, 表7).

-- participant_type: what the person is counted as (built-in codes checked by the application:
-- seed 002's 所属 plus peer, medical_staff, employer; or an organisation's own type "x<id>").
-- Empty for rows made before this migration: they count as their affiliation.
-- new_trainee: 新規養成者 in a follow-up training (seed 004 表6 ＊＊).
-- attendance: '' not recorded yet, attended, absent; attended_at is written once, by the first
-- check-in (a conditional UPDATE), so parallel check-ins of one person count once.
ALTER TABLE event_registration ADD COLUMN participant_type TEXT NOT NULL DEFAULT '';
ALTER TABLE event_registration ADD COLUMN new_trainee INTEGER NOT NULL DEFAULT 0;
ALTER TABLE event_registration ADD COLUMN attendance TEXT NOT NULL DEFAULT ''
  CHECK (attendance IN ('', 'attended', 'absent'));
ALTER TABLE event_registration ADD COLUMN attended_at BIGINT;

-- People who came without registering (当日参加). They take no place of a 枠: they are there.
-- The name is optional and encrypted (associated data "event_walk_in:<reference>:name").
CREATE TABLE event_walk_in (
  id {{id}},
  event_id BIGINT NOT NULL REFERENCES community_event (id),
  reference TEXT NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('venue','online')),
  participant_type TEXT NOT NULL,
  new_trainee INTEGER NOT NULL DEFAULT 0,
  name_enc TEXT NOT NULL DEFAULT '',
  attended_at BIGINT NOT NULL,
  created_by BIGINT REFERENCES app_user (id),
  created_at BIGINT NOT NULL
);

CREATE UNIQUE INDEX event_walk_in_reference_uq ON event_walk_in (reference);
CREATE INDEX event_walk_in_event_idx ON event_walk_in (event_id);

-- An organisation's own participant types, besides the built-in ones (labels in ja and en).
CREATE TABLE event_participant_type (
  id {{id}},
  organization_id BIGINT NOT NULL REFERENCES organization (id),
  label_ja TEXT NOT NULL,
  label_en TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE INDEX event_participant_type_org_idx ON event_participant_type (organization_id);
