package org.custos.portal.trail.web;

import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import org.custos.portal.trail.domain.TrailEntry;

/**
 * One trail entry as a CSV row of the trail export ({@code /trail/export/entries.csv}): every field of the entry
 * and both hashes, so that the file can be checked against the chain. Written by
 * {@link org.custos.portal.compliance.export.CsvWriter} (quoting and CSV-injection neutralising). The clinic is
 * the portal clinic id the entry recorded (e.g. {@code clinic-north}; a regulator's entries have none).
 */
public final class TrailCsv {

    public static final List<String> HEADER = List.of("seq", "occurred_at_utc", "user", "roles", "clinic", "action",
            "object_type", "object_id", "detail", "entry_hash", "prev_hash");

    private TrailCsv() {
    }

    public static List<String> row(TrailEntry e) {
        return Arrays.asList(Long.toString(e.getSeq()), DateTimeFormatter.ISO_INSTANT.format(e.getOccurredAt()),
                e.getActor(), e.getActorRoles(), e.getClinicId(), e.getAction().name(), e.getObjectType(),
                e.getObjectId(), e.getDetail(), e.getEntryHash(), e.getPrevHash());
    }
}
