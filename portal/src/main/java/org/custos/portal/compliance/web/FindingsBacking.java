package org.custos.portal.compliance.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.portal.compliance.application.DashboardService;
import org.custos.portal.compliance.export.AccountingLabel;
import org.custos.portal.compliance.application.ComplianceService;
import org.custos.portal.compliance.domain.FindingRepository.Dimension;
import org.custos.portal.compliance.domain.FindingStatus;
import org.custos.portal.compliance.domain.RulesEngine;
import org.custos.portal.compliance.domain.Severity;
import org.custos.portal.compliance.domain.StoredFinding;
import org.custos.portal.ledger.application.LedgerService;
import org.custos.portal.security.ClinicScope;
import org.custos.portal.system.InstantConverter;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The findings dashboard ({@code /compliance/findings.xhtml}): counts by severity, rule and month of the act
 * (grouped in the database), the filters and the table's order as URL parameters (a GET form and sort links: a
 * bookmark or a shared link gives the same table; ignored values are named on the page), a table paged and sorted
 * in the database, the export links, and the accounting of disclosures for a subject picked from the clinic's
 * proven disclosures, labelled by the clinic's regimes. Every query goes through a service, which keeps officers
 * and DPOs to their own clinic.
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

    @Inject
    transient DashboardService dashboard;

    private static final InstantConverter TIME = new InstantConverter();

    private final FindingsFilter filter = new FindingsFilter();
    private final LazyDataModel<StoredFinding> findings = new FindingsModel();
    private boolean regulator;
    private List<String> clinics;
    private List<String> rules;
    private long total;
    private List<Bars.Bar> bySeverity;
    private List<Bars.Bar> byRule;
    private List<Bars.Bar> byMonth;
    private List<String> problems = List.of();
    private List<DashboardService.Subject> subjects = List.of();
    private List<String> accountingLabels = List.of();

    @PostConstruct
    void init() {
        regulator = scope.allClinics();
        clinics = regulator ? ledger.clinics() : List.of();
        rules = RuleChoices.of(RulesEngine.standard().rules(), regulator,
                regulator ? Optional.empty() : dashboard.ownRegimes());
    }

    /** The view action and the filter form's action: recount for the current filters. */
    public void apply() {
        problems = filter.problems(rules, regulator);
        filter.dropUnknownRule(rules);
        if (!regulator) {
            filter.setClinic(null); // an officer's or DPO's clinic is their own: the service sets it, not the URL
        }
        var f = filter.toFilter();
        subjects = dashboard.disclosureSubjects(f.clinicId());
        accountingLabels = AccountingLabel.of(dashboard.regimes(f.clinicId()).values());
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

    /** The query of the link that orders the table by {@code column} (the other way round if it already is). */
    public String sortQuery(String column) {
        return filter.pageQuerySortedBy(column);
    }

    /** The arrow beside a column header: up when ascending, down when descending, nothing when not sorted by it. */
    public String arrow(String column) {
        String d = filter.direction(column);
        return d == null ? "" : d.equals("asc") ? "\u25B2" : "\u25BC";
    }

    /** For the header's aria-sort. */
    public String ariaSort(String column) {
        String d = filter.direction(column);
        return d == null ? "none" : d.equals("asc") ? "ascending" : "descending";
    }

    /** A time in the portal's one format ({@link InstantConverter}); empty for null. */
    public String time(java.time.Instant t) {
        return TIME.getAsString(null, null, t);
    }

    /** "1 finding", "2 findings". */
    public String getTotalNoun() {
        return total == 1 ? "finding" : "findings";
    }

    public List<String> getProblems() {
        return problems;
    }

    public List<DashboardService.Subject> getSubjects() {
        return subjects;
    }

    public List<String> getAccountingLabels() {
        return accountingLabels;
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
            return dashboard.findings(filter.toFilter(), filter.order(), first, pageSize);
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
