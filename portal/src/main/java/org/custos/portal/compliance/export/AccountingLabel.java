package org.custos.portal.compliance.export;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.custos.portal.compliance.domain.Regimes;

/**
 * What an accounting of disclosures is, by the regimes of the clinic(s) it covers: the recipients of a data
 * subject's data under GDPR Art 15(1)(c) (EU GDPR, or UK GDPR, by establishment) and/or the accounting of
 * disclosures under HIPAA 45 CFR 164.528 (covered entities); both when both apply. Regimes not known (a clinic not
 * admitted, or a regulator's view of several clinics) give every label that any of them needs.
 */
public final class AccountingLabel {

    public static final String GDPR = "GDPR Art 15(1)(c): recipients of the data subject's personal data";
    public static final String UK_GDPR = "UK GDPR Art 15(1)(c): recipients of the data subject's personal data";
    public static final String HIPAA = "HIPAA 45 CFR 164.528: accounting of disclosures";

    private AccountingLabel() {
    }

    /** The legal bases of the accounting for these clinics' regimes, in a fixed order; never empty. */
    public static List<String> of(Collection<Regimes> regimes) {
        boolean eu = regimes.stream().anyMatch(Regimes::euGdpr);
        boolean uk = regimes.stream().anyMatch(Regimes::ukGdpr);
        boolean hipaa = regimes.stream().anyMatch(Regimes::hipaa);
        List<String> labels = new ArrayList<>();
        if (eu) {
            labels.add(GDPR);
        }
        if (uk) {
            labels.add(UK_GDPR);
        }
        if (hipaa) {
            labels.add(HIPAA);
        }
        if (labels.isEmpty()) {
            // no regime known for any clinic in scope: say what each regime would call it
            labels.add(GDPR);
            labels.add(HIPAA);
        }
        return List.copyOf(labels);
    }

    /** The labels joined for one line of text (a page heading, an export's title). */
    public static String text(Collection<Regimes> regimes) {
        return String.join("; ", of(regimes));
    }
}
