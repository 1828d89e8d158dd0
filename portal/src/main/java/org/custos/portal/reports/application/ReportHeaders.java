package org.custos.portal.reports.application;

import java.util.List;
import org.custos.reports.model.ReportHeader;

/** The header every report carries: id, issuer, audience, and what the reader must know first. */
final class ReportHeaders {

    private ReportHeaders() {
    }

    static ReportHeader of(ReportContent.Context c, String audience, List<String> notes) {
        return new ReportHeader(c.reportId(), c.issuer(), audience);
    }
}
