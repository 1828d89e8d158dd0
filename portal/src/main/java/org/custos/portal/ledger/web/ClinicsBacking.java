package org.custos.portal.ledger.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.custos.portal.ledger.application.LedgerService;

/** The clinics page ({@code /ledger/clinics.xhtml}, regulators only): every clinic with verified events. */
@Named
@ViewScoped
public class ClinicsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A clinic (on-chain id) and how many of its events are verified. */
    public record ClinicRow(String clinicId, long events) {
    }

    @Inject
    transient LedgerService ledger;

    private List<ClinicRow> clinics;

    @PostConstruct
    void load() {
        clinics = ledger.clinics().stream().map(c -> new ClinicRow(c, ledger.eventCountOf(c))).toList();
    }

    public List<ClinicRow> getClinics() {
        return clinics;
    }
}
