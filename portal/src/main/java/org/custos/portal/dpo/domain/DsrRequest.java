package org.custos.portal.dpo.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.custos.portal.compliance.domain.RequestClock;
import org.custos.portal.compliance.domain.RequestClock.State;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One data-subject request as the queue shows it (table {@code dsr_request}, migration V10): its proven
 * {@code RequestReceived} (with where it is on chain), its first extension notice and first answer, and its timing
 * by {@link RequestClock} as of {@code asOf}, the newest verified block's time when it was projected (kept per clinic,
 * attached to the rows when they are read). Built only by {@link DsrRequestProjection}; read only by the pages.
 */
@Entity
@Table(name = "dsr_request")
@IdClass(DsrRequest.Key.class)
public class DsrRequest {

    /** The primary key: a request id is unique within its clinic only. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String clinicId;
        private String requestId;

        public Key() {
        }

        public Key(String clinicId, String requestId) {
            this.clinicId = clinicId;
            this.requestId = requestId;
        }

        public String clinicId() {
            return clinicId;
        }

        public String requestId() {
            return requestId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(clinicId, k.clinicId) && Objects.equals(requestId, k.requestId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(clinicId, requestId);
        }
    }

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "clinic_id", length = 66)
    private String clinicId;

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "request_id", length = 66)
    private String requestId;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "subject_pseudonym", nullable = false, length = 66)
    private String subjectPseudonym;

    @Column(name = "request_type", nullable = false, length = 24)
    private String requestType;

    @Column(name = "regime", nullable = false, length = 24)
    private String regime;

    @Column(name = "basis", length = 64)
    private String basis;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "received_event", nullable = false)
    private long receivedEvent;

    @Column(name = "received_block", nullable = false)
    private long receivedBlock;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "received_tx", nullable = false, length = 66)
    private String receivedTx;

    @Column(name = "first_deadline")
    private Instant firstDeadline;

    @Column(name = "deadline")
    private Instant deadline;

    @Column(name = "extension_at")
    private Instant extensionAt;

    @Column(name = "extension_event")
    private Long extensionEvent;

    @Column(name = "extended", nullable = false)
    private boolean extended;

    @Column(name = "late_notice", nullable = false)
    private boolean lateNotice;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "answer_event")
    private Long answerEvent;

    @Column(name = "outcome", length = 24)
    private String outcome;

    @Column(name = "legal_ground")
    private Integer legalGround;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 24)
    private State state;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "content_hash", nullable = false, length = 64)
    private String contentHash;

    /** Not stored: the clinic's projection time ({@code dsr_projection.as_of}), attached when read. */
    @Transient
    private Instant asOf;

    protected DsrRequest() {
    }

    /** The received event's facts; then {@link #judged} sets the rest. */
    DsrRequest(String clinicId, String requestId, String subjectPseudonym, String requestType, String regime,
               Instant receivedAt, long receivedEvent, long receivedBlock, String receivedTx) {
        this.clinicId = clinicId;
        this.requestId = requestId;
        this.subjectPseudonym = subjectPseudonym;
        this.requestType = requestType;
        this.regime = regime;
        this.receivedAt = receivedAt;
        this.receivedEvent = receivedEvent;
        this.receivedBlock = receivedBlock;
        this.receivedTx = receivedTx;
    }

    /** The extension notice (first one) as proven; null values: none. */
    DsrRequest extension(Instant at, Long event) {
        this.extensionAt = at;
        this.extensionEvent = event;
        return this;
    }

    /** The answer (first one) as proven; null values: none. */
    DsrRequest answer(Instant at, Long event, String outcome, Integer legalGround) {
        this.answeredAt = at;
        this.answerEvent = event;
        this.outcome = outcome;
        this.legalGround = legalGround;
        return this;
    }

    /** The timing by the request's clock (null: no clock for its regime and type) as of {@code asOf}. */
    DsrRequest judged(RequestClock clock, Instant asOf) {
        this.asOf = asOf;
        if (clock == null) {
            this.state = answeredAt == null ? State.OPEN_NO_DEADLINE : State.ANSWERED_NO_DEADLINE;
            this.contentHash = hashContent();
            return this;
        }
        RequestClock.Timing t = clock.timing(receivedAt, extensionAt, answeredAt, asOf);
        this.basis = clock.basis();
        this.firstDeadline = t.first();
        this.deadline = t.deadline();
        this.extended = t.extended();
        this.lateNotice = t.lateNotice();
        this.state = t.state();
        this.contentHash = hashContent();
        return this;
    }

    /** These facts judged as of {@code asOf}: the clinic's projection time, attached by the repository on reading. */
    public DsrRequest asOf(Instant asOf) {
        this.asOf = asOf;
        return this;
    }

    /**
     * The SHA-256 (hex) of every stored value of the row: a row whose hash did not change is not written again when
     * the clinic is brought up to date (at a new head most rows are unchanged).
     */
    public String getContentHash() {
        return contentHash;
    }

    private String hashContent() {
        String content = String.join("|", clinicId, requestId, subjectPseudonym, requestType, regime,
                String.valueOf(basis), String.valueOf(receivedAt), Long.toString(receivedEvent),
                Long.toString(receivedBlock), receivedTx, String.valueOf(firstDeadline), String.valueOf(deadline),
                String.valueOf(extensionAt), String.valueOf(extensionEvent), Boolean.toString(extended),
                Boolean.toString(lateNotice), String.valueOf(answeredAt), String.valueOf(answerEvent),
                String.valueOf(outcome), String.valueOf(legalGround), String.valueOf(state));
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Whole days left to the deadline for an open request not yet late (0 on its last day); else null. */
    public Long getDaysLeft() {
        return timing() == null ? null : timing().daysLeft();
    }

    /** Days late (a started day counts) for a late request or a late answer; else null. */
    public Long getDaysLate() {
        return timing() == null ? null : timing().daysLate();
    }

    private RequestClock.Timing timing() {
        if (deadline == null || asOf == null) {
            return null;
        }
        return new RequestClock.Timing(basis, firstDeadline, deadline, extensionAt, answeredAt, asOf, state);
    }

    public Key key() {
        return new Key(clinicId, requestId);
    }

    public String getClinicId() {
        return clinicId;
    }

    public String getRequestId() {
        return requestId;
    }

    public String getSubjectPseudonym() {
        return subjectPseudonym;
    }

    public String getRequestType() {
        return requestType;
    }

    public String getRegime() {
        return regime;
    }

    public String getBasis() {
        return basis;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public long getReceivedEvent() {
        return receivedEvent;
    }

    public long getReceivedBlock() {
        return receivedBlock;
    }

    public String getReceivedTx() {
        return receivedTx;
    }

    public Instant getFirstDeadline() {
        return firstDeadline;
    }

    public Instant getDeadline() {
        return deadline;
    }

    public Instant getExtensionAt() {
        return extensionAt;
    }

    public Long getExtensionEvent() {
        return extensionEvent;
    }

    public boolean isExtended() {
        return extended;
    }

    public boolean isLateNotice() {
        return lateNotice;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    public Long getAnswerEvent() {
        return answerEvent;
    }

    public String getOutcome() {
        return outcome;
    }

    public Integer getLegalGround() {
        return legalGround;
    }

    public State getState() {
        return state;
    }

    public Instant getAsOf() {
        return asOf;
    }
}
