package org.custos.portal.trail.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One stored, chained trail entry. Immutable once written: no setters, and on PostgreSQL a trigger refuses
 * UPDATE, DELETE and TRUNCATE on the table (migration V2). The hash chain detects changes made around both.
 */
@Entity
@Table(name = "trail_entry")
public class TrailEntry {

    @Id
    @Column(name = "seq")
    private long seq;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "actor", nullable = false, length = 255)
    private String actor;

    @Column(name = "actor_roles", nullable = false, length = 255)
    private String actorRoles;

    @Column(name = "clinic_id", length = 64)
    private String clinicId;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false, length = 64)
    private TrailAction action;

    @Column(name = "object_type", nullable = false, length = 64)
    private String objectType;

    @Column(name = "object_id", length = 255)
    private String objectId;

    @Column(name = "detail", length = TrailRecord.MAX_DETAIL)
    private String detail;

    @Column(name = "prev_hash", nullable = false, length = 64)
    private String prevHash;

    @Column(name = "entry_hash", nullable = false, length = 64, unique = true)
    private String entryHash;

    protected TrailEntry() {
        // for JPA
    }

    /** Chains {@code record} after the entry {@code seq - 1} whose hash is {@code prevHash}. */
    public static TrailEntry chain(long seq, TrailRecord record, String prevHash) {
        TrailEntry e = new TrailEntry();
        e.seq = seq;
        e.occurredAt = record.occurredAt();
        e.actor = record.actor();
        e.actorRoles = record.actorRoles();
        e.clinicId = record.clinicId();
        e.action = record.action();
        e.objectType = record.objectType();
        e.objectId = record.objectId();
        e.detail = record.detail();
        e.prevHash = prevHash;
        e.entryHash = TrailHasher.hash(seq, record, prevHash);
        return e;
    }

    public TrailRecord toRecord() {
        return new TrailRecord(occurredAt, actor, actorRoles, clinicId, action, objectType, objectId, detail);
    }

    public long getSeq() {
        return seq;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getActorRoles() {
        return actorRoles;
    }

    public String getClinicId() {
        return clinicId;
    }

    public TrailAction getAction() {
        return action;
    }

    public String getObjectType() {
        return objectType;
    }

    public String getObjectId() {
        return objectId;
    }

    public String getDetail() {
        return detail;
    }

    public String getPrevHash() {
        return prevHash;
    }

    public String getEntryHash() {
        return entryHash;
    }
}
