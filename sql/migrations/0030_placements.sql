-- Issue 16 - applications, placements and retention follow-ups.
-- The job of a placement (職種・仕事の内容) is the person's data: encrypted like the rest.
ALTER TABLE placement ADD COLUMN job_title_enc TEXT NOT NULL DEFAULT '';

-- The months after a placement's start at which its retention checks (定着支援) fall due, per
-- organisation: whole numbers 1-60 separated by commas; empty or unreadable means 1,3,6,12.
ALTER TABLE organization ADD COLUMN retention_months TEXT NOT NULL DEFAULT '1,3,6,12';
