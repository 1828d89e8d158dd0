package org.custos.portal.compliance.export;

import java.util.List;
import org.custos.portal.ledger.domain.ClinicDirectory;

/** The columns of {@code disclosures.csv} and one disclosure's row (docs/exports.md). */
public final class DisclosureCsv {

    public static final List<String> HEADER = List.of("date", "subject_pseudonym", "clinic_id", "disclosure_id",
            "recipient_id", "purpose_code", "purpose", "data_category_code", "data_category", "block",
            "block_hash", "tx_hash", "tx_index", "log_index", "receipts_root", "event_url", "block_url",
            "clinic_name", "recipient_name", "recipient_registered");

    private DisclosureCsv() {
    }

    /** The row without names (every recipient unregistered, clinics by short id). */
    public static List<String> row(ExportedDisclosure d, PortalLinks links) {
        return row(d, links, ClinicDirectory.empty(), RecipientNames.none());
    }

    /**
     * The row; {@code clinic_name}, {@code recipient_name} (a consortium clinic's name, else "unregistered
     * recipient") and {@code recipient_registered} come last (added after the first release: the columns before
     * them keep their order and meaning).
     */
    public static List<String> row(ExportedDisclosure d, PortalLinks links, ClinicDirectory clinics,
                                   RecipientNames recipients) {
        return List.of(d.time().toString(), d.subject(), d.clinicId(), d.disclosureId(), d.recipientId(),
                Integer.toString(d.purposeId()), ConsortiumCodes.purpose(d.purposeId()),
                Integer.toString(d.dataCategory()), ConsortiumCodes.dataCategory(d.dataCategory()),
                Long.toString(d.block()), nullToEmpty(d.blockHash()), d.txHash(), Integer.toString(d.txIndex()),
                Integer.toString(d.logIndex()), nullToEmpty(d.receiptsRoot()), links.event(d.eventId()),
                links.block(d.block()), clinics.name(d.clinicId()), recipients.name(d.recipientId()),
                Boolean.toString(recipients.registered(d.recipientId())));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
