-- Evidence bundles and compliance findings (docs/rules.md, docs/verification.md "Evidence bundles and rules").
-- A bundle is stored only after it was read and verified; a finding row is identified by its stable key
-- (rule id | clinic | object) so that re-evaluation updates it in place and keeps its status.

CREATE TABLE evidence_bundle (
    sha256             CHAR(66)      NOT NULL PRIMARY KEY,
    clinic_id          CHAR(66)      NOT NULL,
    uploaded_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    uploaded_by        VARCHAR(255)  NOT NULL,
    compressed_bytes   BIGINT        NOT NULL,
    entries            INTEGER       NOT NULL,
    checkpoints        INTEGER       NOT NULL,
    checkpoints_ok     INTEGER       NOT NULL,
    receipts           INTEGER       NOT NULL,
    receipts_ok        INTEGER       NOT NULL,
    documents          INTEGER       NOT NULL,
    documents_ok       INTEGER       NOT NULL,
    verified_block     BIGINT        NOT NULL,
    summary            VARCHAR(20000) NOT NULL
);

CREATE INDEX evidence_bundle_clinic ON evidence_bundle (clinic_id, uploaded_at);

CREATE TABLE compliance_finding (
    finding_key        VARCHAR(400)  NOT NULL PRIMARY KEY,
    rule_id            VARCHAR(32)   NOT NULL,
    rule_version       INTEGER       NOT NULL,
    legal_source       VARCHAR(300)  NOT NULL,
    severity           CHAR(2)       NOT NULL,
    clinic_id          CHAR(66)      NOT NULL,
    object_key         VARCHAR(300)  NOT NULL,
    summary            VARCHAR(1000) NOT NULL,
    objects_json       VARCHAR(8000) NOT NULL,
    evidence_json      VARCHAR(200000) NOT NULL,
    deadline           TIMESTAMP(6) WITH TIME ZONE,
    actual             TIMESTAMP(6) WITH TIME ZONE,
    first_seen         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_seen          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    input_mark         VARCHAR(200)  NOT NULL,
    current_finding    BOOLEAN       NOT NULL,
    status             VARCHAR(16)   NOT NULL,
    status_reason      VARCHAR(2000),
    status_changed_by  VARCHAR(255),
    status_changed_at  TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT compliance_finding_status CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'REMEDIATED', 'ACCEPTED')),
    CONSTRAINT compliance_finding_severity CHECK (severity IN ('S1', 'S2', 'S3', 'S4'))
);

CREATE INDEX compliance_finding_clinic ON compliance_finding (clinic_id, severity, rule_id);

-- per clinic: the inputs the last evaluation saw (newest verified block and bundle), for incremental runs
CREATE TABLE compliance_evaluation (
    clinic_id          CHAR(66)      NOT NULL PRIMARY KEY,
    input_mark         VARCHAR(200)  NOT NULL,
    evaluated_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    findings           INTEGER       NOT NULL
);
