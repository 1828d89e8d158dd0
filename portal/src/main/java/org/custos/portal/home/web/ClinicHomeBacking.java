package org.custos.portal.home.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.custos.portal.ledger.application.LedgerStatusService;
import org.custos.portal.ledger.domain.LedgerStatus;
import org.custos.portal.security.ClinicScope;
import org.custos.portal.system.SchemaMigrator;
import org.custos.portal.trail.application.TrailService;
import org.custos.portal.trail.domain.TrailEntry;

/**
 * The start page of a clinic-bound user (compliance officer, DPO): their clinic, the ledger node, and their
 * clinic's recent actions in the trail. The clinic comes from the token; the service filters by it.
 */
@Named
@ViewScoped
public class ClinicHomeBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient LedgerStatusService ledger;

    @Inject
    transient SchemaMigrator schema;

    @Inject
    transient TrailService trail;

    @Inject
    transient ClinicScope scope;

    private String clinicId;
    private LedgerStatus ledgerStatus;
    private List<TrailEntry> recent;

    @PostConstruct
    void load() {
        clinicId = scope.tokenClinic();
        ledgerStatus = ledger.status();
        recent = trail.newestOfMyClinic(10);
    }

    public String getClinicId() {
        return clinicId;
    }

    public LedgerStatus getLedger() {
        return ledgerStatus;
    }

    public String getSchemaVersion() {
        return schema.schemaVersion();
    }

    public List<TrailEntry> getRecent() {
        return recent;
    }
}
