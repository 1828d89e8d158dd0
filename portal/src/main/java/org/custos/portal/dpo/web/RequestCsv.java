package org.custos.portal.dpo.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.custos.portal.compliance.export.PortalLinks;
import org.custos.portal.dpo.domain.DsrRequest;
import org.custos.portal.ledger.domain.ClinicDirectory;

/** The columns of {@code requests.csv} and one request's row (docs/pages.md "DPO requests queue"). */
public final class RequestCsv {

    public static final List<String> HEADER = List.of("clinic_id", "request_id", "subject_pseudonym", "request_type",
            "regime", "deadline_basis", "received_at", "received_block", "received_tx", "first_deadline",
            "extension_notice_at", "extended", "extension_notice_late", "deadline", "answered_at", "outcome",
            "legal_ground", "state", "days_left", "days_late", "as_of", "received_event_url", "request_url", "clinic_name");

    private RequestCsv() {
    }

    /**
     * One request's row; {@code clinic_name} (last, added after the first release so that readers by position keep
     * working) is the clinic's configured name, empty when none is known.
     */
    public static List<String> row(DsrRequest r, PortalLinks links, ClinicDirectory clinics) {
        List<String> row = new ArrayList<>(HEADER.size());
        row.add(r.getClinicId());
        row.add(r.getRequestId());
        row.add(r.getSubjectPseudonym());
        row.add(r.getRequestType());
        row.add(r.getRegime());
        row.add(r.getBasis());
        row.add(time(r.getReceivedAt()));
        row.add(Long.toString(r.getReceivedBlock()));
        row.add(r.getReceivedTx());
        row.add(time(r.getFirstDeadline()));
        row.add(time(r.getExtensionAt()));
        row.add(Boolean.toString(r.isExtended()));
        row.add(Boolean.toString(r.isLateNotice()));
        row.add(time(r.getDeadline()));
        row.add(time(r.getAnsweredAt()));
        row.add(r.getOutcome());
        row.add(r.getLegalGround() == null ? null : r.getLegalGround().toString());
        row.add(r.getState().name());
        row.add(r.getDaysLeft() == null ? null : r.getDaysLeft().toString());
        row.add(r.getDaysLate() == null ? null : r.getDaysLate().toString());
        row.add(time(r.getAsOf()));
        row.add(links.event(r.getReceivedEvent()));
        row.add(links.base() + "/dpo/request.xhtml?id=" + r.getRequestId() + "&clinic=" + r.getClinicId());
        row.add(clinics.configuredName(r.getClinicId()).orElse(""));
        return row;
    }

    static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
