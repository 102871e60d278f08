-- When this session last confirmed the password and a second-factor code (a login counts):
-- creating API tokens and new recovery codes needs that within the last 5 minutes
-- (SECURITY.md rule 7).
ALTER TABLE user_session ADD COLUMN reauth_at BIGINT;

-- Recovery codes are now 16 symbols kept as salted Argon2id hashes (SECURITY.md rule 6). The
-- older 10-symbol codes under an unsalted SHA-256 are withdrawn: the account page then shows
-- that none are left and asks for new ones, and an administrator's reset-mfa still helps
-- someone who has lost the authenticator.
DELETE FROM recovery_code WHERE code_hash NOT LIKE '$argon2id$%';
