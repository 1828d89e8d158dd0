package org.custos.portal.trail.infrastructure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The single row that records the chain's head. Appends lock it (SELECT ... FOR UPDATE), which serialises
 * them across threads and cluster members; comparing it with the last entry detects a truncated tail.
 */
@Entity
@Table(name = "trail_head")
public class TrailHeadRow {

    static final int ID = 1;

    @Id
    @Column(name = "id")
    private int id;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash;

    protected TrailHeadRow() {
        // for JPA
    }

    long lastSeq() {
        return lastSeq;
    }

    String lastHash() {
        return lastHash;
    }

    void advance(long seq, String hash) {
        if (seq != lastSeq + 1) {
            throw new IllegalStateException("trail head may only advance by one entry");
        }
        this.lastSeq = seq;
        this.lastHash = hash;
    }
}
