-- The WhatsApp Cloud API (Meta's own) as the assistant's second gateway (issue 23): each shop says
-- which gateway answers its customers. One at a time: the other gateway's webhook answers 404 for it,
-- so a shop that left WAHA cannot be reached through a WAHA key it no longer keeps.
ALTER TABLE assistant_settings ADD COLUMN provider text NOT NULL DEFAULT 'waha' CHECK (provider IN ('waha', 'cloud_api'));

-- A Cloud API shop keeps no WAHA: its address and webhook key may be absent.
ALTER TABLE assistant_settings ALTER COLUMN waha_base_url DROP NOT NULL;
ALTER TABLE assistant_settings ALTER COLUMN webhook_hmac_key_enc DROP NOT NULL;

-- Graph API address and version kept here, not in code: Meta moves the version every few months.
ALTER TABLE assistant_settings ADD COLUMN cloud_api_base_url text NOT NULL DEFAULT 'https://graph.facebook.com';
ALTER TABLE assistant_settings ADD COLUMN cloud_api_version text NOT NULL DEFAULT 'v25.0' CHECK (cloud_api_version ~ '^v[0-9]{1,3}\.[0-9]$');
-- The business phone number's id: where sends go, and how a notification is matched to this shop.
ALTER TABLE assistant_settings ADD COLUMN cloud_api_phone_number_id text CHECK (cloud_api_phone_number_id ~ '^[0-9]{5,30}$');
-- Sealed with SMA_ASSISTANT_KEY like the other secrets: the bearer token for sends, the app secret
-- that signs notifications (X-Hub-Signature-256), the token the verification handshake echoes.
ALTER TABLE assistant_settings ADD COLUMN cloud_api_access_token_enc text;
ALTER TABLE assistant_settings ADD COLUMN cloud_api_app_secret_enc text;
ALTER TABLE assistant_settings ADD COLUMN cloud_api_verify_token_enc text;
