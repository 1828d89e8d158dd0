package org.custos.portal.compliance.export;

import java.time.Instant;
import org.custos.portal.evidence.domain.ProvenEvent;

/**
 * One entry of an accounting of disclosures: a proven {@code DisclosureRecorded} event (docs/consortium.md) with
 * its date (the block time), recipient, purpose and data category as on chain, and where it is proven (block
 * number and hash, transaction, log index, the block's receipts root).
 */
public record ExportedDisclosure(long eventId, String clinicId, String disclosureId, String subject,
                                 String recipientId, int purposeId, int dataCategory, Instant time, long block,
                                 String blockHash, int txIndex, String txHash, int logIndex, String receiptsRoot) {

    public static final String EVENT = "DisclosureRecorded";

    /** From a proven DisclosureRecorded event and its block's hash. */
    public static ExportedDisclosure of(ProvenEvent e, String blockHash) {
        if (!EVENT.equals(e.name())) {
            throw new IllegalArgumentException("event " + e.id() + " is " + e.name() + ", not " + EVENT);
        }
        return new ExportedDisclosure(e.id(), e.clinicId(), e.field("disclosureId"), e.field("subjectPseudonym"),
                e.field("recipientId"), e.intField("purposeId"), e.intField("dataCategory"), e.time(), e.block(),
                blockHash, e.txIndex(), e.txHash(), e.logIndex(), e.receiptsRoot());
    }
}
