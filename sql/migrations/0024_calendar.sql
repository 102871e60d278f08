-- The public calendar and its iCalendar feeds (issue 15).
-- area: the 市町村 where an event takes place, for the calendar's area filter ('' = not given;
-- online-only events have none). sequence: the iCalendar SEQUENCE of the event, raised by every
-- change the organiser saves, so subscribed calendars take the new version.
ALTER TABLE community_event ADD COLUMN area TEXT NOT NULL DEFAULT '';
ALTER TABLE community_event ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;
