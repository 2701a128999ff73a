-- Products become the WhatsApp assistant's catalogue (issue 23): the shop edits its packages here and
-- sync pushes them; the cloud's assistant answers from what the laptop offered, never from its own copy.
-- campaign_code is the ads' code (PKG_MONTH_YEAR_TYPE, e.g. UMR_MAR_2025_HEMAT), kept apart from
-- products.code, which imports and sales already use as the shop's own item code (P-0001, SKUs).
ALTER TABLE products ADD COLUMN campaign_code TEXT;
ALTER TABLE products ADD COLUMN start_date TEXT CHECK (start_date IS NULL OR start_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
ALTER TABLE products ADD COLUMN end_date TEXT CHECK (end_date IS NULL OR end_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
ALTER TABLE products ADD COLUMN quota_status TEXT NOT NULL DEFAULT 'available' CHECK (quota_status IN ('available', 'limited', 'full'));
-- A JSON array of short lines ("Hotel bintang 3", "Durasi 9 hari").
ALTER TABLE products ADD COLUMN features TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(features) AND json_type(features) = 'array');
ALTER TABLE products ADD COLUMN image_url TEXT;
ALTER TABLE products ADD COLUMN brochure_url TEXT;
-- Whether the assistant may offer it: a product is never offered unless the owner says so.
ALTER TABLE products ADD COLUMN assistant_offered INTEGER NOT NULL DEFAULT 0 CHECK (assistant_offered IN (0, 1));
-- One product per campaign code, deleted ones included (restoring one must not make two).
CREATE UNIQUE INDEX idx_products_campaign_code ON products(campaign_code) WHERE campaign_code IS NOT NULL;
