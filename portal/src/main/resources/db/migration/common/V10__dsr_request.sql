-- The DPO's request queue (issue 15, docs/pages.md "DPO requests queue"): a projection of every proven
-- RequestReceived with its first RequestExtended and first RequestAnswered, and its timing by RequestClock as of the
-- newest verified block's time (the rules' "now", kept per clinic in dsr_projection). Brought up to date per clinic by
-- the chain evaluation, in the transaction of that clinic's findings (only rows whose events or state changed are
-- written); nothing else writes it. The queue pages, filters and sorts it in the database.

CREATE TABLE dsr_request (
    clinic_id          CHAR(66)      NOT NULL,
    request_id         CHAR(66)      NOT NULL,
    subject_pseudonym  CHAR(66)      NOT NULL,
    request_type       VARCHAR(24)   NOT NULL,
    regime             VARCHAR(24)   NOT NULL,
    basis              VARCHAR(64),
    received_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    received_event     BIGINT        NOT NULL,
    received_block     BIGINT        NOT NULL,
    received_tx        CHAR(66)      NOT NULL,
    first_deadline     TIMESTAMP(6) WITH TIME ZONE,
    deadline           TIMESTAMP(6) WITH TIME ZONE,
    extension_at       TIMESTAMP(6) WITH TIME ZONE,
    extension_event    BIGINT,
    extended           BOOLEAN       NOT NULL,
    late_notice        BOOLEAN       NOT NULL,
    answered_at        TIMESTAMP(6) WITH TIME ZONE,
    answer_event       BIGINT,
    outcome            VARCHAR(24),
    legal_ground       INTEGER,
    state              VARCHAR(24)   NOT NULL,
    content_hash       CHAR(64)      NOT NULL,
    CONSTRAINT dsr_request_pk PRIMARY KEY (clinic_id, request_id),
    CONSTRAINT dsr_request_state CHECK (state IN ('ON_TRACK', 'DUE_SOON', 'LATE', 'ANSWERED_ON_TIME',
        'ANSWERED_LATE', 'OPEN_NO_DEADLINE', 'ANSWERED_NO_DEADLINE'))
);

-- the queue's default order (newest received first) and its filters, per clinic
CREATE INDEX dsr_request_received ON dsr_request (clinic_id, received_at, request_id);
-- the default order, newest first (H2 reads an index in its own direction only)
CREATE INDEX dsr_request_newest ON dsr_request (clinic_id DESC, received_at DESC, request_id DESC);
CREATE INDEX dsr_request_state ON dsr_request (clinic_id, state, request_id);
-- soonest deadline first, requests without a deadline last (as the queue orders them)
CREATE INDEX dsr_request_deadline ON dsr_request (clinic_id, deadline NULLS LAST, request_id);

-- per clinic: the verified block the projection was last built at (a clinic is rebuilt when the head moves, and
-- once after this migration, whatever its findings' evaluation mark says)
CREATE TABLE dsr_projection (
    clinic_id          CHAR(66)      NOT NULL PRIMARY KEY,
    verified_block     BIGINT        NOT NULL,
    as_of              TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    requests           INTEGER       NOT NULL
);
