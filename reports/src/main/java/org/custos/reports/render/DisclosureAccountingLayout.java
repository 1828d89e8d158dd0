package org.custos.reports.render;

import java.time.Instant;
import org.custos.reports.model.DisclosureAccounting;
import org.custos.reports.model.DisclosureAccounting.Disclosure;

/** The accounting of disclosures (HIPAA 45 CFR 164.528): date, recipient, description, purpose over six years. */
final class DisclosureAccountingLayout {

    private DisclosureAccountingLayout() {
    }

    static void draw(ReportCanvas canvas, DisclosureAccounting r, Instant generated) {
        TitlePage.draw(canvas, r, "ACCOUNTING OF DISCLOSURES", "Accounting of disclosures of protected health "
                + "information about one individual, under HIPAA 45 CFR 164.528.", generated);
        canvas.newPage();
        canvas.heading("Individual and period", 60);
        new KeyValueBlock()
                .add("Covered entity", r.clinic())
                .mono("Individual (pseudonym)", r.subjectPseudonym())
                .add("Accounting requested", r.requested())
                .add("Period covered", r.periodStart() + " to " + r.requested()
                        + " (the six years prior to the request, 164.528(a)(1))")
                .add("Disclosures", r.disclosures().size())
                .draw(canvas);
        canvas.paragraph(canvas.fonts.regular, 8.5f, Colours.MUTED, "Excluded by 164.528(a)(1): disclosures for "
                + "treatment, payment and health care operations, to the individual, under an authorization, for the "
                + "facility directory, for national security or to correctional institutions, as part of a limited "
                + "data set, and those before the compliance date.");
        canvas.heading("Disclosures", 60);
        Table table = Table.of("Date", 0.9, "Recipient (address if known)", 2, "Description of the information", 2.4,
                "Purpose", 2.2);
        for (Disclosure d : r.disclosures()) {
            String recipient = d.recipientAddress().isBlank() ? d.recipient()
                    : d.recipient() + "\n" + d.recipientAddress();
            table.row(d.date(), recipient, d.description(), d.purpose());
        }
        table.draw(canvas, "No disclosures subject to accounting in this period.");
        EvidenceSection.appendix(canvas, r.evidence());
    }
}
