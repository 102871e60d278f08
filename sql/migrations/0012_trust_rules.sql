-- Trust rules of issue 12: joining an organisation needs the person's acceptance, the
-- organisation in use after login is the one the person last chose, and public booking is
-- open only for programmes the 事務局 published, with a cap per client address and day.

-- An existing account invited to join an organisation: no membership until the person,
-- signed in as that account, accepts. Declined, revoked and expired invitations add nobody.
CREATE TABLE membership_invitation (
  id {{id}},
  token_hash TEXT NOT NULL,
  organization_id BIGINT NOT NULL REFERENCES organization (id),
  user_id BIGINT NOT NULL REFERENCES app_user (id),
  role TEXT NOT NULL CHECK (role IN ('admin','coordinator','counselor','viewer')),
  profession TEXT NOT NULL,
  invited_by BIGINT REFERENCES app_user (id),
  status TEXT NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending','accepted','declined','revoked')),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  decided_at BIGINT
);

CREATE UNIQUE INDEX membership_invitation_token_uq ON membership_invitation (token_hash);
-- One open invitation per person and organisation: a new one replaces the old.
CREATE UNIQUE INDEX membership_invitation_pending_uq ON membership_invitation
  (organization_id, user_id) WHERE status = 'pending';
CREATE INDEX membership_invitation_user_idx ON membership_invitation (user_id, status);

-- The organisation the person chose last (switching, stored per user): the next login
-- starts there while the membership lasts.
ALTER TABLE app_user ADD COLUMN last_organization_id BIGINT REFERENCES organization (id);

-- Publishing is the 事務局's explicit act. Programmes people already booked on the public
-- pages stay published, so nothing a patient already uses disappears; the others start
-- unpublished.
ALTER TABLE program ADD COLUMN published INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1));
UPDATE program SET published = 1 WHERE id IN (SELECT d.program_id FROM consultation_day d
  JOIN booking b ON b.day_id = d.id WHERE b.channel = 'web');

-- A public booking's client address, as a keyed hash only (never in clear): at most so many
-- open public bookings per address and consultation day.
ALTER TABLE booking ADD COLUMN address_bidx TEXT;
CREATE INDEX booking_address_idx ON booking (day_id, address_bidx);

-- The row a public booking locks (insert-if-absent, then a no-op update) before counting the
-- address's open bookings of the day, so parallel bookings from one address take turns.
CREATE TABLE public_booking_address (
  day_id BIGINT NOT NULL REFERENCES consultation_day (id),
  address_bidx TEXT NOT NULL,
  PRIMARY KEY (day_id, address_bidx)
);
