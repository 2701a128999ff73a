-- The assistant's catalogue is the shop's products as the laptop pushes them (issue 23): edited on the
-- laptop (its migration 0020), synced like every product field, read by the assistant when only the
-- offered ones with a campaign code. Defaults make every product already here "not offered".
ALTER TABLE products ADD COLUMN campaign_code text;
ALTER TABLE products ADD COLUMN start_date date;
ALTER TABLE products ADD COLUMN end_date date;
ALTER TABLE products ADD COLUMN quota_status text NOT NULL DEFAULT 'available' CHECK (quota_status IN ('available', 'limited', 'full'));
ALTER TABLE products ADD COLUMN features jsonb NOT NULL DEFAULT '[]';
ALTER TABLE products ADD COLUMN image_url text;
ALTER TABLE products ADD COLUMN brochure_url text;
ALTER TABLE products ADD COLUMN assistant_offered boolean NOT NULL DEFAULT false;

-- What the assistant reads for every reply: a shop's offered packages by code. No unique index: two
-- laptops of one shop may each hold a product with the same code before they see each other's; the
-- reader keeps the last one changed (src-cloud/assistant/catalogue.ts).
CREATE INDEX products_offered ON products(business_id, campaign_code) WHERE assistant_offered AND deleted_at IS NULL AND campaign_code IS NOT NULL;

-- The console once wrote a copy of the catalogue here; the products above replace it, so a package
-- is edited in one place only.
DROP TABLE assistant_packages;
