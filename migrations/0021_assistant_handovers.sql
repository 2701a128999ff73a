-- Handovers of the shop's WhatsApp assistant (issue 23) come down with the sync pull and become
-- leads. The laptop keeps how far it has applied them beside the pushdown cursor, in the same row,
-- so a handover and the cursor past it are committed together (src-main/sync/pull-handovers.ts).
ALTER TABLE sync_state ADD COLUMN handover_cursor INTEGER NOT NULL DEFAULT 0;

-- The channel those leads came through. A shop that already made its own "WhatsApp" channel keeps
-- it (the name is unique among live channels) and the handovers use that one.
INSERT INTO lead_channels (id, name, utm, position, created_at, updated_at, hlc)
SELECT 'whatsapp', 'WhatsApp', '["whatsapp","wa","whatsapp_ads"]', (SELECT coalesce(max(position), 0) + 1 FROM lead_channels),
       '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '0000000000000000:0000:seed'
WHERE NOT EXISTS (SELECT 1 FROM lead_channels WHERE id = 'whatsapp' OR (name = 'WhatsApp' COLLATE NOCASE AND deleted_at IS NULL));
