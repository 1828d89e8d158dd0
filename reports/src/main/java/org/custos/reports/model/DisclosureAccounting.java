package org.custos.reports.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * An accounting of disclosures for one data subject under HIPAA 45 CFR 164.528: for each disclosure in the six
 * years before the request, the date, the recipient (and address if known), a brief description and the purpose.
 */
public record DisclosureAccounting(ReportHeader header, String clinic, String subjectPseudonym,
                                   LocalDate requested, List<Disclosure> disclosures, Evidence evidence)
        implements Report {

    /** One disclosure: 164.528(b)(2)(i)-(iv). {@code recipientAddress} may be empty when not known. */
    public record Disclosure(LocalDate date, String recipient, String recipientAddress, String description,
                             String purpose) {
        public Disclosure {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(recipient, "recipient");
            Objects.requireNonNull(recipientAddress, "recipientAddress");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(purpose, "purpose");
            if (recipient.isBlank() || description.isBlank() || purpose.isBlank()) {
                throw new IllegalArgumentException("a disclosure needs a recipient, a description and a purpose");
            }
        }
    }

    public DisclosureAccounting {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(clinic, "clinic");
        Objects.requireNonNull(subjectPseudonym, "subjectPseudonym");
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(evidence, "evidence");
        disclosures = List.copyOf(disclosures);
        LocalDate start = requested.minusYears(6);
        for (Disclosure d : disclosures) {
            if (d.date().isBefore(start) || d.date().isAfter(requested)) {
                throw new IllegalArgumentException("disclosure of " + d.date() + " lies outside the accounting period "
                        + start + " to " + requested);
            }
        }
    }

    /** 164.528(a)(1): the six years prior to the date on which the accounting is requested. */
    public LocalDate periodStart() {
        return requested.minusYears(6);
    }

    @Override
    public String title() {
        return "Accounting of disclosures: " + subjectPseudonym;
    }
}
