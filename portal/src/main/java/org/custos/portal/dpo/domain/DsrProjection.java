package org.custos.portal.dpo.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * When a clinic's request queue was last projected (table {@code dsr_projection}, migration V10): at which verified
 * block, as of which block time, with how many requests. The chain evaluation rebuilds a clinic whose mark is not the
 * newest verified block.
 */
@Entity
@Table(name = "dsr_projection")
public class DsrProjection {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "clinic_id", length = 66)
    private String clinicId;

    @Column(name = "verified_block", nullable = false)
    private long verifiedBlock;

    @Column(name = "as_of", nullable = false)
    private Instant asOf;

    @Column(name = "requests", nullable = false)
    private int requests;

    protected DsrProjection() {
    }

    public DsrProjection(String clinicId, long verifiedBlock, Instant asOf, int requests) {
        this.clinicId = clinicId;
        update(verifiedBlock, asOf, requests);
    }

    public final void update(long verifiedBlock, Instant asOf, int requests) {
        this.verifiedBlock = verifiedBlock;
        this.asOf = asOf;
        this.requests = requests;
    }

    public String getClinicId() {
        return clinicId;
    }

    public long getVerifiedBlock() {
        return verifiedBlock;
    }

    public Instant getAsOf() {
        return asOf;
    }

    public int getRequests() {
        return requests;
    }
}
