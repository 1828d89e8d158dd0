package org.custos.portal.compliance.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import java.time.Instant;

/**
 * A finding as stored (table {@code compliance_finding}, migration V4), keyed by {@link Finding#key()}. Content is
 * replaced on each evaluation that still produces it ({@code current}); an evaluation that no longer produces it
 * marks it not current; status, its reason and who changed it survive both.
 */
@Entity
@Table(name = "compliance_finding")
public class StoredFinding {

    @Id
    @Column(name = "finding_key", length = 400)
    private String key;

    @Column(name = "rule_id", nullable = false, length = 32)
    private String ruleId;

    @Column(name = "rule_version", nullable = false)
    private int ruleVersion;

    @Column(name = "legal_source", nullable = false, length = 300)
    private String legalSource;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "severity", nullable = false, length = 2)
    private String severity;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "clinic_id", nullable = false, length = 66)
    private String clinicId;

    @Column(name = "object_key", nullable = false, length = 300)
    private String objectKey;

    @Column(name = "summary", nullable = false, length = 1000)
    private String summary;

    @Column(name = "objects_json", nullable = false, length = 8000)
    private String objectsJson;

    @Column(name = "evidence_json", nullable = false, length = 200000)
    private String evidenceJson;

    @Column(name = "deadline")
    private Instant deadline;

    @Column(name = "actual")
    private Instant actual;

    @Column(name = "first_seen", nullable = false)
    private Instant firstSeen;

    @Column(name = "last_seen", nullable = false)
    private Instant lastSeen;

    @Column(name = "input_mark", nullable = false, length = 200)
    private String inputMark;

    @Column(name = "current_finding", nullable = false)
    private boolean current;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private FindingStatus status;

    @Column(name = "status_reason", length = 2000)
    private String statusReason;

    @Column(name = "status_changed_by", length = 255)
    private String statusChangedBy;

    @Column(name = "status_changed_at")
    private Instant statusChangedAt;

    /** {@link ActTime#of}: set on every refresh (migration V14; null in rows stored before it until re-evaluated). */
    @Column(name = "act_time")
    private Instant actTime;

    protected StoredFinding() {
    }

    /** A new finding: OPEN, first seen now. */
    public StoredFinding(Finding f, String objectsJson, String evidenceJson, String mark, Instant now) {
        this.key = f.key();
        this.firstSeen = now;
        this.status = FindingStatus.OPEN;
        refresh(f, objectsJson, evidenceJson, mark, now);
    }

    /** The evaluation produced it again: content replaced, status kept. */
    public void refresh(Finding f, String objectsJson, String evidenceJson, String mark, Instant now) {
        if (!f.key().equals(key)) {
            throw new IllegalArgumentException("finding " + f.key() + " is not " + key);
        }
        this.ruleId = f.ruleId();
        this.ruleVersion = f.ruleVersion();
        this.legalSource = f.legalSource();
        this.severity = f.severity().name();
        this.clinicId = f.clinicId();
        this.objectKey = f.objectKey();
        this.summary = f.summary().length() > 1000 ? f.summary().substring(0, 1000) : f.summary();
        this.objectsJson = objectsJson;
        this.evidenceJson = evidenceJson;
        this.deadline = f.deadline();
        this.actual = f.actual();
        this.actTime = ActTime.of(f);
        this.lastSeen = now;
        this.inputMark = mark;
        this.current = true;
    }

    /** The evaluation of {@code mark} no longer produces it (the data changed): kept, not current. */
    public void notCurrent(String mark) {
        this.current = false;
        this.inputMark = mark;
    }

    /** The longest status reason kept (the column's size); longer reasons are refused, never cut. */
    public static final int MAX_REASON = 2000;

    /** A regulator's status change; ACCEPTED needs a reason; a change to the status it has is refused (a no-op). */
    public void changeStatus(FindingStatus to, String reason, String by, Instant at) {
        if (to == null) {
            throw new IllegalArgumentException("no status");
        }
        if (to == status) {
            throw new IllegalArgumentException("the finding is already " + to);
        }
        if (to == FindingStatus.ACCEPTED && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("accepting a finding needs a reason");
        }
        if (reason != null && reason.length() > MAX_REASON) {
            throw new IllegalArgumentException("the reason is longer than " + MAX_REASON + " characters");
        }
        this.status = to;
        this.statusReason = reason == null || reason.isBlank() ? null : reason.strip();
        this.statusChangedBy = by;
        this.statusChangedAt = at;
    }

    public String getKey() {
        return key;
    }

    public String getRuleId() {
        return ruleId;
    }

    public int getRuleVersion() {
        return ruleVersion;
    }

    public String getLegalSource() {
        return legalSource;
    }

    public Severity getSeverity() {
        return Severity.valueOf(severity);
    }

    public String getClinicId() {
        return clinicId;
    }

    public String getObjectKey() {
        return objectKey;
    }

    public String getSummary() {
        return summary;
    }

    public String getObjectsJson() {
        return objectsJson;
    }

    public String getEvidenceJson() {
        return evidenceJson;
    }

    public Instant getDeadline() {
        return deadline;
    }

    public Instant getActual() {
        return actual;
    }

    public Instant getFirstSeen() {
        return firstSeen;
    }

    public Instant getLastSeen() {
        return lastSeen;
    }

    public String getInputMark() {
        return inputMark;
    }

    public boolean isCurrent() {
        return current;
    }

    public FindingStatus getStatus() {
        return status;
    }

    public String getStatusReason() {
        return statusReason;
    }

    public String getStatusChangedBy() {
        return statusChangedBy;
    }

    public Instant getStatusChangedAt() {
        return statusChangedAt;
    }

    public Instant getActTime() {
        return actTime;
    }
}
