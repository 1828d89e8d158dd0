package org.custos.portal.dpo.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.custos.portal.compliance.domain.RequestClock;
import org.custos.portal.compliance.domain.StoredFinding;
import org.custos.portal.dpo.domain.DsrRequest;
import org.custos.portal.dpo.application.DpoHomeService;

/**
 * The DPO start page's workspace cards: requests due within 7 days and late ones, erasure cases without a verified
 * receipt, the newest findings of the DPO's rules.
 */
@Named
@ViewScoped
public class DpoHomeBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int ROWS = 20;

    @Inject
    transient DpoHomeService service;

    private List<DpoHomeService.OpenErasure> openErasures;
    private List<StoredFinding> findings;
    private List<DsrRequest> dueSoon;
    private List<DsrRequest> late;

    @PostConstruct
    void load() {
        dueSoon = service.requestsIn(RequestClock.State.DUE_SOON, ROWS);
        late = service.requestsIn(RequestClock.State.LATE, ROWS);
        openErasures = service.erasuresWithoutVerifiedReceipt(ROWS);
        findings = service.newestDpoFindings(10);
    }

    public List<DpoHomeService.OpenErasure> getOpenErasures() {
        return openErasures;
    }

    public List<DsrRequest> getDueSoon() {
        return dueSoon;
    }

    public List<DsrRequest> getLate() {
        return late;
    }

    public List<StoredFinding> getFindings() {
        return findings;
    }
}
