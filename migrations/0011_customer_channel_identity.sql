-- A marketplace buyer is known to the shop by their account on that marketplace (Shopee's buyer
-- username, `shopee:sari.batik`), not by a phone: marketplaces mask the buyer's phone. The identity
-- is kept in a field of its own, apart from the shop's customer code, so that an order export
-- imported again finds the same customer, and a buyer who also bought in the shop is never merged
-- by it silently. Unique among live customers: one customer per marketplace account.
ALTER TABLE customers ADD COLUMN channel_identity TEXT;
CREATE UNIQUE INDEX idx_customers_channel_identity ON customers(channel_identity) WHERE channel_identity IS NOT NULL AND deleted_at IS NULL;
