-- The language the person booked in (the public pages' ja / en): every e-mail to them after
-- the confirmation (reminder, waiting-list offer, day moved or cancelled, questionnaire) is
-- written in it. Bookings made before this column, and bookings taken by staff, are Japanese.
ALTER TABLE booking ADD COLUMN lang TEXT NOT NULL DEFAULT 'ja' CHECK (lang IN ('ja', 'en'));
