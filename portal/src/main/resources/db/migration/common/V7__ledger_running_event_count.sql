-- The status page's event total from a running count in the sync state row, as block_count (V5): kept with every
-- stored batch and rollback, so that a poll does not count every stored event.
ALTER TABLE ledger_sync_state ADD COLUMN event_count BIGINT DEFAULT 0 NOT NULL;
UPDATE ledger_sync_state SET event_count = (SELECT COUNT(*) FROM ledger_event);
