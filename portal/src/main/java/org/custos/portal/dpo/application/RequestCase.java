package org.custos.portal.dpo.application;

import java.time.Instant;
import java.util.List;
import org.custos.portal.compliance.domain.StoredFinding;
import org.custos.portal.dpo.domain.CaseEvent;
import org.custos.portal.dpo.domain.ErasureVerdict;
import org.custos.portal.evidence.domain.ProvenEvent;

/**
 * One data-subject request as the request page shows it: its timeline with a proof per step, for an erasure the
 * subject's keys with their destruction and receipts, reads after a destruction and the verdict, for a
 * rectification the supersede links; the related findings and the DPO's case history.
 *
 * @param asOf the time deadlines are judged at (the newest verified block's time, as the rules do)
 */
public record RequestCase(String clinicId, String requestId, String subject, String type, String regime,
                          Instant received, Instant deadline, Instant firstDeadline, boolean extended,
                          Instant answered, String outcome, List<Step> timeline, List<KeyRow> keys,
                          List<ErasureVerdict.Access> laterReads, ErasureVerdict verdict,
                          List<ProvenEvent> supersedes, List<StoredFinding> findings, List<CaseEvent> history,
                          Instant asOf) {

    /** A step of the timeline: what happened, when, and the proven event behind it (null: none). */
    public record Step(String what, Instant at, String detail, ProvenEvent proof) {
    }

    /**
     * A key registered to the subject: its registration and destruction events (destroyed null: not destroyed),
     * and its receipt: verified or not, by which source, and why.
     */
    public record KeyRow(String keyId, ProvenEvent registered, ProvenEvent destroyed, boolean receiptVerified,
                         String receiptStatus) {
    }

    public boolean erasure() {
        return "ERASURE".equals(type);
    }

    public boolean rectification() {
        return "RECTIFICATION".equals(type);
    }

    public boolean closed() {
        return CaseEvent.closed(history);
    }
}
