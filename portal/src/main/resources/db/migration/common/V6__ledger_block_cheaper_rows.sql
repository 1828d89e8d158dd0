-- Ledger sync speed (issue 5): cheaper verified-block rows, measured with scripts/bench-sync.sh
-- (docs/performance.md "Portal sync").
-- * No unique index on the block hash. Nothing looks a block up by its hash (pages and proofs go by number), and
--   uniqueness is already implied by what is stored: every stored block is the verified child of the one below it
--   (storeBatch checks the parent links under the state row's lock), so two rows with one hash would need a
--   keccak-256 collision. The index cost a random-order B-tree insert with string comparisons per block, the
--   largest single cost of storing a block on H2.
-- * VARCHAR instead of CHAR for the 0x-hex columns: the values always have their full length, and CHAR's padding
--   rules cost a conversion per value on insert.
ALTER TABLE ledger_block DROP CONSTRAINT ledger_block_hash_unique;
ALTER TABLE ledger_block ALTER COLUMN hash SET DATA TYPE VARCHAR(66);
ALTER TABLE ledger_block ALTER COLUMN parent_hash SET DATA TYPE VARCHAR(66);
ALTER TABLE ledger_block ALTER COLUMN state_root SET DATA TYPE VARCHAR(66);
ALTER TABLE ledger_block ALTER COLUMN transactions_root SET DATA TYPE VARCHAR(66);
ALTER TABLE ledger_block ALTER COLUMN receipts_root SET DATA TYPE VARCHAR(66);
