package org.custos.portal.reports.application;

import java.util.List;
import org.custos.reports.model.IssueNotes;
import org.custos.reports.model.ReportHeader;

/** The header every report carries: id, issuer, audience, and what the reader must know first. */
final class ReportHeaders {

    private ReportHeaders() {
    }

    static ReportHeader of(ReportContent.Context c, String audience, List<String> notes) {
        return new ReportHeader(c.reportId(), c.issuer(), audience, new IssueNotes(notes, c.requestedBy(),
                c.role(), c.trailHead().lastSeq(), trailHead(c.trailHead().lastHash())));
    }

    /** The trail's head as printed: 0x and the 64 hex digits of its hash. */
    static String trailHead(String hash) {
        return hash.startsWith("0x") ? hash : "0x" + hash;
    }
}
