-- The register of issued reports (docs/reports.md, "In the portal"): one row per signed report the portal issued,
-- with the signed PDF itself so that those in scope can download it again. Rows are only ever inserted.
-- The same table on H2 and PostgreSQL but for the PDF column's type, hence one file per database:
-- H2 keeps a BLOB out of the row (LOB storage), so reading a row for the list never touches it.
CREATE TABLE report_register (
    id                 VARCHAR(64)   NOT NULL PRIMARY KEY,
    kind               VARCHAR(40)   NOT NULL,
    clinic_id          VARCHAR(66),
    subject            VARCHAR(200),
    requested_by       VARCHAR(200)  NOT NULL,
    requester_role     VARCHAR(40)   NOT NULL,
    issued_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    pdf_sha256         CHAR(64)      NOT NULL,
    evidence_sha256    CHAR(64)      NOT NULL,
    size_bytes         BIGINT        NOT NULL,
    signature_level    VARCHAR(20)   NOT NULL,
    trail_seq          BIGINT        NOT NULL,
    trail_head         VARCHAR(66)   NOT NULL,
    pdf                BLOB          NOT NULL,
    -- only the consortium integrity report belongs to no clinic
    CONSTRAINT report_register_clinic CHECK ((kind = 'CONSORTIUM_INTEGRITY') = (clinic_id IS NULL))
);

CREATE INDEX report_register_issued ON report_register (issued_at, id);
CREATE INDEX report_register_clinic_issued ON report_register (clinic_id, issued_at, id);
CREATE INDEX report_register_pdf_sha256 ON report_register (pdf_sha256);
