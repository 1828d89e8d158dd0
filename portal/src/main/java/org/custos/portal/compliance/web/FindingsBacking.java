package org.custos.portal.compliance.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.custos.portal.compliance.application.ComplianceService;
import org.custos.portal.compliance.domain.FindingRepository.Dimension;
import org.custos.portal.compliance.domain.FindingStatus;
import org.custos.portal.compliance.domain.Rule;
import org.custos.portal.compliance.domain.RulesEngine;
import org.custos.portal.compliance.domain.Severity;
import org.custos.portal.compliance.domain.StoredFinding;
import org.custos.portal.ledger.application.LedgerService;
import org.custos.portal.security.ClinicScope;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The findings dashboard ({@code /compliance/findings.xhtml}): counts by severity, rule and month (grouped in the
 * database), the filters (also as URL parameters), a table paged in the database, and the export links. Every
 * query goes through the service, which keeps officers and DPOs to their own clinic.
 */
@Named
@ViewScoped
public class FindingsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ComplianceService compliance;

    @Inject
    transient LedgerService ledger;

    @Inject
    transient ClinicScope scope;

    private final FindingsFilter filter = new FindingsFilter();
    private final LazyDataModel<StoredFinding> findings = new FindingsModel();
    private boolean regulator;
    private List<String> clinics;
    private List<String> rules;
    private long total;
    private List<Bars.Bar> bySeverity;
    private List<Bars.Bar> byRule;
    private List<Bars.Bar> byMonth;

    @PostConstruct
    void init() {
        regulator = scope.allClinics();
        clinics = regulator ? ledger.clinics() : List.of();
        rules = RulesEngine.standard().rules().stream().map(Rule::id).sorted().toList();
    }

    /** The view action and the filter form's action: recount for the current filters. */
    public void apply() {
        if (!regulator) {
            filter.setClinic(null); // an officer's or DPO's clinic is their own: the service sets it, not the URL
        }
        var f = filter.toFilter();
        total = compliance.count(f);
        bySeverity = Bars.of(withAll(compliance.countBy(f, Dimension.SEVERITY), Severity.values()));
        byRule = Bars.of(compliance.countBy(f, Dimension.RULE));
        byMonth = Bars.of(compliance.countBy(f, Dimension.MONTH));
    }

    /** Every severity gets a bar, also with no finding, so the chart keeps its shape. */
    private static Map<String, Long> withAll(Map<String, Long> counts, Severity[] all) {
        Map<String, Long> m = new java.util.TreeMap<>(counts);
        for (Severity s : all) {
            m.putIfAbsent(s.name(), 0L);
        }
        return m;
    }

    public String getExportQuery() {
        return filter.query();
    }

    public FindingsFilter getFilter() {
        return filter;
    }

    public LazyDataModel<StoredFinding> getFindings() {
        return findings;
    }

    public boolean isRegulator() {
        return regulator;
    }

    public List<String> getClinics() {
        return clinics;
    }

    public List<String> getRules() {
        return rules;
    }

    public Severity[] getSeverities() {
        return Severity.values();
    }

    public FindingStatus[] getStatuses() {
        return FindingStatus.values();
    }

    public long getTotal() {
        return total;
    }

    public List<Bars.Bar> getBySeverity() {
        return bySeverity;
    }

    public List<Bars.Bar> getByRule() {
        return byRule;
    }

    public List<Bars.Bar> getByMonth() {
        return byMonth;
    }

    private final class FindingsModel extends LazyDataModel<StoredFinding> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, compliance.count(filter.toFilter()));
        }

        @Override
        public List<StoredFinding> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                        Map<String, FilterMeta> filterBy) {
            return compliance.findings(filter.toFilter(), first, pageSize);
        }

        @Override
        public String getRowKey(StoredFinding f) {
            return f.getKey();
        }

        @Override
        public StoredFinding getRowData(String rowKey) {
            return null;
        }
    }
}
