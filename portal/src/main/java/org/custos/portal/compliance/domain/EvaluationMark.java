package org.custos.portal.compliance.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import java.time.Instant;

/** The inputs the last evaluation of a clinic saw (table {@code compliance_evaluation}, migration V4). */
@Entity
@Table(name = "compliance_evaluation")
public class EvaluationMark {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "clinic_id", length = 66)
    private String clinicId;

    @Column(name = "input_mark", nullable = false, length = 200)
    private String inputMark;

    @Column(name = "evaluated_at", nullable = false)
    private Instant evaluatedAt;

    @Column(name = "findings", nullable = false)
    private int findings;

    protected EvaluationMark() {
    }

    public EvaluationMark(String clinicId, String inputMark, Instant evaluatedAt, int findings) {
        this.clinicId = clinicId;
        update(inputMark, evaluatedAt, findings);
    }

    public void update(String mark, Instant at, int count) {
        this.inputMark = mark;
        this.evaluatedAt = at;
        this.findings = count;
    }

    public String getClinicId() {
        return clinicId;
    }

    public String getInputMark() {
        return inputMark;
    }

    public Instant getEvaluatedAt() {
        return evaluatedAt;
    }

    public int getFindings() {
        return findings;
    }
}
