-- Issue 15: a consultation request gets a 面談 (online or in person, mailed with an .ics), can
-- become a client and a support case with the person's consent, can be about starting a new
-- salon (seed 004), and the 相談記録 names the directory entries a person was introduced to.

-- What the request is about: an individual consultation, or starting a new cancer salon
-- (seed 004: サポートセンターが支援、世話人の人選). Same deadline; counted apart.
ALTER TABLE consultation_request ADD COLUMN topic TEXT NOT NULL DEFAULT 'individual'
  CHECK (topic IN ('individual', 'new_salon'));

-- The 面談 set by staff. Date ISO, times minutes after midnight JST. The place is an office
-- address (not personal); the meeting link is a secret and encrypted like the rest
-- ("consultation_request:<reference>:meeting_url"). Every change raises the sequence the
-- calendar file carries, under a UID made from the reference.
ALTER TABLE consultation_request ADD COLUMN meeting_status TEXT NOT NULL DEFAULT ''
  CHECK (meeting_status IN ('', 'set', 'cancelled'));
ALTER TABLE consultation_request ADD COLUMN meeting_mode TEXT NOT NULL DEFAULT ''
  CHECK (meeting_mode IN ('', 'online', 'in_person'));
ALTER TABLE consultation_request ADD COLUMN meeting_date TEXT NOT NULL DEFAULT '';
ALTER TABLE consultation_request ADD COLUMN meeting_start INTEGER NOT NULL DEFAULT 0;
ALTER TABLE consultation_request ADD COLUMN meeting_end INTEGER NOT NULL DEFAULT 0;
ALTER TABLE consultation_request ADD COLUMN meeting_place TEXT NOT NULL DEFAULT '';
ALTER TABLE consultation_request ADD COLUMN meeting_url_enc TEXT NOT NULL DEFAULT '';
ALTER TABLE consultation_request ADD COLUMN meeting_sequence INTEGER NOT NULL DEFAULT 0;

-- 支援へ移行: the client and case the request became, how the person's consent was given and
-- when it was recorded (and by whom).
ALTER TABLE consultation_request ADD COLUMN client_id BIGINT REFERENCES client (id);
ALTER TABLE consultation_request ADD COLUMN case_id BIGINT REFERENCES support_case (id);
ALTER TABLE consultation_request ADD COLUMN consent_method TEXT NOT NULL DEFAULT '';
ALTER TABLE consultation_request ADD COLUMN consented_at BIGINT;
ALTER TABLE consultation_request ADD COLUMN converted_by BIGINT REFERENCES app_user (id);

-- The directory entries a 相談記録 introduced (instead of the fixed list of referred_to codes,
-- which old records keep). A deactivated entry stays on the records that named it.
CREATE TABLE record_resource (
  record_id BIGINT NOT NULL REFERENCES consultation_record (id),
  directory_service_id BIGINT NOT NULL REFERENCES directory_service (id),
  PRIMARY KEY (record_id, directory_service_id)
);
CREATE INDEX record_resource_service_idx ON record_resource (directory_service_id);
