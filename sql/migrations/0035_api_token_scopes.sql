-- Issue 17 point 4 - API token scopes, chosen when a token is created.
--
-- scopes lists what the token may reach, as "domain:read" or "domain:write" separated by single
-- spaces (write includes read), e.g. "bookings:write organization:read". NULL marks a token made
-- before scopes existed: it keeps exactly what it could reach then (organization:read, plus the
-- token's own account), never the domains added since (docs/decisions.md, "JSON API v1").
ALTER TABLE api_token ADD COLUMN scopes TEXT;
