-- Issue 15: an event's life after registration (seed 002 後日ZOOM URL送信; pretix #837, #1713).
-- Per event: how many days before the day online registrants get the mail with the link to
-- their personal online page, how long a place offered from the waiting list is held, when
-- offers stop before the start, and how many days after the event the registrations are
-- anonymised (set when the event is created).
ALTER TABLE community_event ADD COLUMN online_notice_days INTEGER NOT NULL DEFAULT 2
  CHECK (online_notice_days >= 0 AND online_notice_days <= 14);
ALTER TABLE community_event ADD COLUMN hold_hours INTEGER NOT NULL DEFAULT 24
  CHECK (hold_hours >= 1 AND hold_hours <= 168);
ALTER TABLE community_event ADD COLUMN waitlist_cutoff_hours INTEGER NOT NULL DEFAULT 24
  CHECK (waitlist_cutoff_hours >= 0 AND waitlist_cutoff_hours <= 336);
ALTER TABLE community_event ADD COLUMN retention_days INTEGER NOT NULL DEFAULT 365
  CHECK (retention_days >= 30 AND retention_days <= 3650);

-- online_token_hash: the personal online page's token (hashed; not the cancel token), set
-- when the one mail with its link is claimed (online_mail_sent_at).
-- offer_expires_at: a waiting registration that was offered a freed place holds that place
-- (counted in the 枠's taken) until it confirms or this time passes.
-- online_backup_id: a venue registration waiting (or offered) whose person also took an online
-- place meanwhile; confirming the venue offer cancels that online registration.
-- anonymised_at: personal fields cleared after the event's retention_days.
ALTER TABLE event_registration ADD COLUMN online_token_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE event_registration ADD COLUMN online_mail_sent_at BIGINT;
ALTER TABLE event_registration ADD COLUMN offer_token_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE event_registration ADD COLUMN offer_expires_at BIGINT;
ALTER TABLE event_registration ADD COLUMN online_backup_id BIGINT;
ALTER TABLE event_registration ADD COLUMN anonymised_at BIGINT;

CREATE INDEX event_registration_online_idx ON event_registration (online_token_hash);
CREATE INDEX event_registration_offer_idx ON event_registration (offer_expires_at);
