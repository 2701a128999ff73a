-- The 30-second step of the last authenticator code an admin used: a code seen over a shoulder or
-- in a proxy log cannot sign in a second time while it is still valid.
ALTER TABLE admins ADD COLUMN totp_last_step bigint;
