-- Ledger sync (issue 5 follow-up): QBFT / IBFT 2.0 and a running block count.
-- validators: the validator set in force after the verified head (QBFT / IBFT 2.0; comma-separated, ascending
--   0x addresses), written with every stored batch; a restarted sync replays the votes from the last epoch block
--   and must arrive at this set. NULL for Clique and dev chains.
-- block_count: the number of stored verified blocks, kept with every batch and rollback, so that the status page
--   does not count all blocks on every poll.
ALTER TABLE ledger_sync_state ADD COLUMN validators VARCHAR(4000);
ALTER TABLE ledger_sync_state ADD COLUMN block_count BIGINT DEFAULT 0 NOT NULL;
UPDATE ledger_sync_state SET block_count = (SELECT COUNT(*) FROM ledger_block);
