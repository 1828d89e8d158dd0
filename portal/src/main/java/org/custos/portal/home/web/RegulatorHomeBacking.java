package org.custos.portal.home.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.custos.portal.ledger.application.LedgerStatusService;
import org.custos.portal.ledger.domain.LedgerStatus;
import org.custos.portal.system.SchemaMigrator;
import org.custos.portal.trail.application.TrailService;
import org.custos.portal.trail.domain.TrailEntry;
import org.custos.portal.trail.domain.TrailVerification;

/** The regulator's start page: the ledger node, the database and the trail's integrity, across all clinics. */
@Named
@ViewScoped
public class RegulatorHomeBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient LedgerStatusService ledger;

    @Inject
    transient SchemaMigrator schema;

    @Inject
    transient TrailService trail;

    private LedgerStatus ledgerStatus;
    private TrailVerification trailVerdict;
    private List<TrailEntry> recent;
    private long trailCount;

    @PostConstruct
    void load() {
        ledgerStatus = ledger.status();
        trailVerdict = trail.verifyWithoutRecording();
        trailCount = trail.count();
        recent = trail.newest(0, 5);
    }

    public LedgerStatus getLedger() {
        return ledgerStatus;
    }

    public String getSchemaVersion() {
        return schema.schemaVersion();
    }

    public String getDatabaseProduct() {
        return schema.databaseProduct();
    }

    public TrailVerification getTrailVerdict() {
        return trailVerdict;
    }

    public long getTrailCount() {
        return trailCount;
    }

    public List<TrailEntry> getRecent() {
        return recent;
    }
}
