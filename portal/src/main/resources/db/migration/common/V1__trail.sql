-- The portal's own trail of actions: append-only and hash-chained (see TrailHasher).
CREATE TABLE trail_entry (
    seq          BIGINT       NOT NULL PRIMARY KEY,
    occurred_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    actor        VARCHAR(255) NOT NULL,
    actor_roles  VARCHAR(255) NOT NULL,
    clinic_id    VARCHAR(64),
    action       VARCHAR(64)  NOT NULL,
    object_type  VARCHAR(64)  NOT NULL,
    object_id    VARCHAR(255),
    detail       VARCHAR(2000),
    prev_hash    CHAR(64)     NOT NULL,
    entry_hash   CHAR(64)     NOT NULL,
    CONSTRAINT trail_entry_hash_unique UNIQUE (entry_hash)
);

CREATE INDEX trail_entry_clinic ON trail_entry (clinic_id, seq);

-- One row: the chain's head. Appends lock it; comparing it with the last entry detects a cut tail.
CREATE TABLE trail_head (
    id         INTEGER  NOT NULL PRIMARY KEY,
    last_seq   BIGINT   NOT NULL,
    last_hash  CHAR(64) NOT NULL,
    CONSTRAINT trail_head_single_row CHECK (id = 1)
);

INSERT INTO trail_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
