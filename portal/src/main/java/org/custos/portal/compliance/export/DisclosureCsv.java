package org.custos.portal.compliance.export;

import java.util.List;

/** The columns of {@code disclosures.csv} and one disclosure's row (docs/exports.md). */
public final class DisclosureCsv {

    public static final List<String> HEADER = List.of("date", "subject_pseudonym", "clinic_id", "disclosure_id",
            "recipient_id", "purpose_code", "purpose", "data_category_code", "data_category", "block",
            "block_hash", "tx_hash", "tx_index", "log_index", "receipts_root", "event_url", "block_url");

    private DisclosureCsv() {
    }

    public static List<String> row(ExportedDisclosure d, PortalLinks links) {
        return List.of(d.time().toString(), d.subject(), d.clinicId(), d.disclosureId(), d.recipientId(),
                Integer.toString(d.purposeId()), ConsortiumCodes.purpose(d.purposeId()),
                Integer.toString(d.dataCategory()), ConsortiumCodes.dataCategory(d.dataCategory()),
                Long.toString(d.block()), nullToEmpty(d.blockHash()), d.txHash(), Integer.toString(d.txIndex()),
                Integer.toString(d.logIndex()), nullToEmpty(d.receiptsRoot()), links.event(d.eventId()),
                links.block(d.block()));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
