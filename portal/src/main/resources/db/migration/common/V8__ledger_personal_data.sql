-- The ledger-wide personal-data scan (GDPR-MIN-01, GDPR-MIN-03): one row per place in a verified block's proven
-- bytes (a transaction's input or creation code, a log's data or topic of any contract) where the sync found
-- personal data, written with the block in the same transaction. It names where and what kind, never the data.
-- The rules produce findings from these rows; the ledger is never rescanned. See docs/rules.md.
CREATE TABLE ledger_personal_data (
    id                 BIGINT       NOT NULL PRIMARY KEY,
    block_number       BIGINT       NOT NULL REFERENCES ledger_block (number),
    tx_index           INTEGER      NOT NULL,
    tx_hash            CHAR(66)     NOT NULL,
    sender             CHAR(42),
    place              VARCHAR(16)  NOT NULL,
    log_index          INTEGER,
    topic_index        INTEGER,
    contract           CHAR(42),
    byte_offset        INTEGER      NOT NULL,
    byte_length        INTEGER      NOT NULL,
    rule_id            VARCHAR(16)  NOT NULL,
    kind               VARCHAR(32)  NOT NULL,
    encoding           VARCHAR(64)  NOT NULL,
    bits_per_byte      DOUBLE PRECISION NOT NULL,
    block_time         TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE INDEX ledger_personal_data_block ON ledger_personal_data (block_number);
