-- Foundation: organisations, users, memberships, sessions, invitations, tokens, audit.
-- Times are Unix seconds (BIGINT, UTC); dates are TEXT 'YYYY-MM-DD'.
-- Never put a colon in this file outside a string: SOCI reads colons as bind markers.

CREATE TABLE organization (
  id {{id}},
  kind TEXT NOT NULL CHECK (kind IN ('municipality','hospital','employment_support',
    'occupational_health','patient_group','employer')),
  name TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','disabled')),
  created_at BIGINT NOT NULL
);

CREATE UNIQUE INDEX organization_name_uq ON organization (name);

CREATE TABLE app_user (
  id {{id}},
  email TEXT NOT NULL,
  display_name TEXT NOT NULL,
  password_hash TEXT,
  totp_secret TEXT,
  totp_last_step BIGINT NOT NULL DEFAULT 0,
  totp_confirmed_at BIGINT,
  status TEXT NOT NULL DEFAULT 'invited' CHECK (status IN ('invited','active','disabled')),
  is_system_admin INTEGER NOT NULL DEFAULT 0,
  language TEXT NOT NULL DEFAULT 'ja',
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until BIGINT NOT NULL DEFAULT 0,
  password_changed_at BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);

CREATE UNIQUE INDEX app_user_email_uq ON app_user (email);

CREATE TABLE membership (
  id {{id}},
  user_id BIGINT NOT NULL REFERENCES app_user (id),
  organization_id BIGINT NOT NULL REFERENCES organization (id),
  role TEXT NOT NULL CHECK (role IN ('admin','coordinator','counselor','viewer')),
  profession TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE UNIQUE INDEX membership_user_org_uq ON membership (user_id, organization_id);
CREATE INDEX membership_org_idx ON membership (organization_id);

CREATE TABLE invitation (
  id {{id}},
  token_hash TEXT NOT NULL,
  organization_id BIGINT NOT NULL REFERENCES organization (id),
  user_id BIGINT NOT NULL REFERENCES app_user (id),
  purpose TEXT NOT NULL DEFAULT 'invite' CHECK (purpose IN ('invite','reset')),
  invited_by BIGINT REFERENCES app_user (id),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);

CREATE UNIQUE INDEX invitation_token_uq ON invitation (token_hash);

CREATE TABLE recovery_code (
  id {{id}},
  user_id BIGINT NOT NULL REFERENCES app_user (id),
  code_hash TEXT NOT NULL,
  used_at BIGINT
);

CREATE INDEX recovery_code_user_idx ON recovery_code (user_id);

-- stage: 'password' (first factor passed, second pending), 'enroll' (invitation accepted,
-- TOTP enrolment pending) or 'full'.
CREATE TABLE user_session (
  id {{id}},
  token_hash TEXT NOT NULL,
  user_id BIGINT NOT NULL REFERENCES app_user (id),
  organization_id BIGINT,
  stage TEXT NOT NULL CHECK (stage IN ('password','enroll','full')),
  csrf_token TEXT NOT NULL,
  failed_codes INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);

CREATE UNIQUE INDEX user_session_token_uq ON user_session (token_hash);
CREATE INDEX user_session_user_idx ON user_session (user_id);

-- Failed-attempt counters per account and per client address (keys are hashed).
CREATE TABLE login_throttle (
  throttle_key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  window_start BIGINT NOT NULL,
  locked_until BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE api_token (
  id {{id}},
  user_id BIGINT NOT NULL REFERENCES app_user (id),
  organization_id BIGINT NOT NULL REFERENCES organization (id),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  token_prefix TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT,
  last_used_at BIGINT,
  revoked_at BIGINT
);

CREATE UNIQUE INDEX api_token_hash_uq ON api_token (token_hash);
CREATE INDEX api_token_user_idx ON api_token (user_id);

-- Append-only, hash-chained (SECURITY.md rule 4). audit_head serialises writers so the
-- chain never forks: every append updates the single head row first.
CREATE TABLE audit_event (
  seq BIGINT PRIMARY KEY,
  occurred_at BIGINT NOT NULL,
  actor_user_id BIGINT,
  organization_id BIGINT,
  action TEXT NOT NULL,
  target_type TEXT NOT NULL,
  target_id TEXT NOT NULL,
  ip TEXT NOT NULL,
  request_id TEXT NOT NULL,
  detail TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);

CREATE INDEX audit_event_org_idx ON audit_event (organization_id, seq);

CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY,
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL
);

INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- @engine sqlite
-- @block
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END
-- @end
-- @block
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END
-- @end
-- @engine postgresql
-- @block
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'audit_event is append-only'; END $$
-- @end
CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event
FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
-- @engine all
