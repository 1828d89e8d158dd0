package org.custos.portal.compliance.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a finding's history (table {@code finding_event}, migration V13), only ever inserted: a regulator's
 * status change (from, to, reason) or a compliance officer's response or remediation note (with an optional
 * reference to a document the clinic holds). Written in the transaction of the action, which is also on the trail.
 */
@Entity
@Table(name = "finding_event")
public class FindingEvent {

    /** What happened. */
    public enum Kind {
        /** A regulator changed the status. */
        STATUS_CHANGED,
        /** A compliance officer of the finding's clinic responded (or noted a remediation). */
        RESPONSE
    }

    /** The longest reason or note kept (the column's size); longer text is refused, never cut. */
    public static final int MAX_NOTE = 2000;

    /** The longest attachment reference kept; longer is refused. */
    public static final int MAX_REFERENCE = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "finding_key", nullable = false, length = 400)
    private String findingKey;

    @Column(name = "clinic_id", nullable = false, length = 66)
    private String clinicId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 16)
    private FindingStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", length = 16)
    private FindingStatus toStatus;

    @Column(name = "note", length = MAX_NOTE)
    private String note;

    @Column(name = "reference", length = MAX_REFERENCE)
    private String reference;

    @Column(name = "actor", nullable = false, length = 255)
    private String actor;

    @Column(name = "actor_role", nullable = false, length = 32)
    private String actorRole;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected FindingEvent() {
    }

    private FindingEvent(StoredFinding finding, Kind kind, String actor, String actorRole, Instant at) {
        this.findingKey = finding.getKey();
        this.clinicId = finding.getClinicId();
        this.kind = kind;
        this.actor = Objects.requireNonNull(actor, "actor");
        this.actorRole = Objects.requireNonNull(actorRole, "actorRole");
        this.occurredAt = Objects.requireNonNull(at, "at");
    }

    /** A status change of {@code finding} from {@code from} to its (new) status, with its stored reason. */
    public static FindingEvent statusChanged(StoredFinding finding, FindingStatus from, String actor, String role,
                                             Instant at) {
        FindingEvent e = new FindingEvent(finding, Kind.STATUS_CHANGED, actor, role, at);
        e.fromStatus = from;
        e.toStatus = finding.getStatus();
        e.note = finding.getStatusReason();
        return e;
    }

    /**
     * A response to {@code finding}: {@code note} is required (stripped), {@code reference} optional; either longer
     * than its limit is refused ({@link IllegalArgumentException}), never cut.
     */
    public static FindingEvent response(StoredFinding finding, String note, String reference, String actor,
                                        String role, Instant at) {
        String text = blankToNull(note);
        String ref = blankToNull(reference);
        if (text == null) {
            throw new IllegalArgumentException("a response needs a text");
        }
        if (text.length() > MAX_NOTE) {
            throw new IllegalArgumentException("the response is longer than " + MAX_NOTE + " characters");
        }
        if (ref != null && ref.length() > MAX_REFERENCE) {
            throw new IllegalArgumentException("the reference is longer than " + MAX_REFERENCE + " characters");
        }
        FindingEvent e = new FindingEvent(finding, Kind.RESPONSE, actor, role, at);
        e.note = text;
        e.reference = ref;
        return e;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public Long getId() {
        return id;
    }

    public String getFindingKey() {
        return findingKey;
    }

    public String getClinicId() {
        return clinicId;
    }

    public Kind getKind() {
        return kind;
    }

    public boolean isStatusChange() {
        return kind == Kind.STATUS_CHANGED;
    }

    public FindingStatus getFromStatus() {
        return fromStatus;
    }

    public FindingStatus getToStatus() {
        return toStatus;
    }

    public String getNote() {
        return note;
    }

    public String getReference() {
        return reference;
    }

    public String getActor() {
        return actor;
    }

    public String getActorRole() {
        return actorRole;
    }

    /** The actor's role as people say it: "regulator", "compliance officer". */
    public String getRoleInWords() {
        return actorRole.replace('-', ' ');
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    /** In words for the history table: "OPEN → ACCEPTED", "Status set to ACCEPTED" (from unknown) or "Response". */
    public String getWhat() {
        if (kind == Kind.RESPONSE) {
            return "Response";
        }
        return fromStatus == null ? "Status set to " + toStatus : fromStatus + " \u2192 " + toStatus;
    }
}
