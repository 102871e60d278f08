-- Consultation days as the field runs them (issue 14): staff from several organisations and
-- their confidentiality pledge (seed 001: 相談従事者, 守秘義務).

-- The partner organisations of a programme (e.g. the 産業保健総合支援センター of the
-- prefecture's programme): their members can be put on the programme's day rosters and, on
-- the days they are rostered on, counsel with the rights of the host's counselors.
CREATE TABLE program_partner (
  program_id BIGINT NOT NULL REFERENCES program (id),
  organization_id BIGINT NOT NULL REFERENCES organization (id),
  added_at BIGINT NOT NULL,
  PRIMARY KEY (program_id, organization_id)
);

CREATE INDEX program_partner_org_idx ON program_partner (organization_id);

-- The programme's confidentiality pledge (守秘義務) as its host wrote it; empty means the
-- default wording of seed 001.
ALTER TABLE program ADD COLUMN pledge_text TEXT NOT NULL DEFAULT '';

-- A staff member acknowledged the programme's pledge for one fiscal year (April–March, JST).
CREATE TABLE pledge_ack (
  program_id BIGINT NOT NULL REFERENCES program (id),
  user_id BIGINT NOT NULL REFERENCES app_user (id),
  fiscal_year INTEGER NOT NULL,
  acknowledged_at BIGINT NOT NULL,
  PRIMARY KEY (program_id, user_id, fiscal_year)
);
