-- A case page opens with the newest entries of its timeline (issue 17, point 7): read in the
-- order the page shows them, newest date first, without sorting every entry of a long case.
CREATE INDEX timeline_entry_case_date_idx ON timeline_entry (case_id, occurred_on, id);
