-- The MHLW forms of a case: one form of each type per case, its revisions under it. The unique
-- index lets the second of two simultaneous first saves fail cleanly (INSERT ... ON CONFLICT DO
-- NOTHING) instead of making a second form of the same type.
CREATE UNIQUE INDEX case_form_case_type_idx ON case_form (case_id, form_type);
