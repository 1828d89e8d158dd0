package org.custos.portal.dpo.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step of a request's case handling by the DPO: reviewed (with a note), closed or reopened. Insert only. */
@Entity
@Table(name = "dsr_case_event")
public class CaseEvent {

    /** What the DPO did. */
    public enum Action {
        REVIEWED, CLOSED, REOPENED
    }

    /** The longest note kept (the column's size); longer notes are refused, never cut. */
    public static final int MAX_NOTE = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "clinic_id", nullable = false, length = 66)
    private String clinicId;

    @Column(name = "request_id", nullable = false, length = 66)
    private String requestId;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false, length = 16)
    private Action action;

    @Column(name = "note", length = MAX_NOTE)
    private String note;

    @Column(name = "actor", nullable = false, length = 255)
    private String actor;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected CaseEvent() {
    }

    public CaseEvent(String clinicId, String requestId, Action action, String note, String actor, Instant at) {
        this.clinicId = clinicId;
        this.requestId = requestId;
        this.action = action;
        this.note = note;
        this.actor = actor;
        this.occurredAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getClinicId() {
        return clinicId;
    }

    public String getRequestId() {
        return requestId;
    }

    public Action getAction() {
        return action;
    }

    public String getNote() {
        return note;
    }

    public String getActor() {
        return actor;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    /** Whether a case with this history (oldest first) is closed: its last close is not followed by a reopen. */
    public static boolean closed(java.util.List<CaseEvent> history) {
        boolean closed = false;
        for (CaseEvent e : history) {
            if (e.action == Action.CLOSED) {
                closed = true;
            } else if (e.action == Action.REOPENED) {
                closed = false;
            }
        }
        return closed;
    }
}
