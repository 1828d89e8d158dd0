package org.custos.portal.trail.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.custos.portal.trail.application.TrailService;
import org.custos.portal.trail.domain.TrailAction;
import org.custos.portal.trail.domain.TrailEntry;
import org.custos.portal.trail.domain.TrailFilter;
import org.custos.portal.trail.domain.TrailVerification;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The trail page: the entries the URL's filter passes ({@code user}, {@code action}, {@code clinic}, {@code from},
 * {@code to}: view parameters, so a filtered trail can be bookmarked and shared; {@link TrailFilter#of} reads
 * them), newest first, paged in the database; the same filter's CSV download; and a check of the whole chain.
 */
@Named
@ViewScoped
public class TrailBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient TrailService trail;

    private LazyDataModel<TrailEntry> entries;
    private TrailVerification verdict;
    private String user;
    private String action;
    private String clinic;
    private String from;
    private String to;
    private TrailFilter filter = TrailFilter.NONE;
    private List<String> problems = List.of();

    @PostConstruct
    void load() {
        entries = new EntriesModel();
    }

    /** The view action: reads the view parameters into the filter; what cannot be read is said and left out. */
    public void applyFilter() {
        List<String> found = new java.util.ArrayList<>();
        filter = TrailFilter.of(user, action, clinic, from, to, found);
        problems = List.copyOf(found);
    }

    /** The CSV download's URL query for the current filter ({@code ?user=…}), empty when nothing filters. */
    public String getExportQuery() {
        StringBuilder q = new StringBuilder();
        filter.parameters().forEach((k, v) -> q.append(q.length() == 0 ? '?' : '&').append(k).append('=')
                .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
        return q.toString();
    }

    /** The actions a user can filter by. */
    public List<String> getActions() {
        return java.util.Arrays.stream(TrailAction.values()).map(Enum::name).toList();
    }

    /** How many entries the filter passes, in words ("1 entry", "25 entries"). */
    public String getMatching() {
        long n = trail.count(filter);
        return n + (n == 1 ? " entry" : " entries");
    }

    public void verify() {
        verdict = trail.verifyChain();
        FacesMessage.Severity severity = verdict.intact() ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_ERROR;
        FacesContext.getCurrentInstance().addMessage(null,
                new FacesMessage(severity, "Trail " + verdict.summary(), null));
    }

    public LazyDataModel<TrailEntry> getEntries() {
        return entries;
    }

    public TrailVerification getVerdict() {
        return verdict;
    }

    public TrailFilter getFilter() {
        return filter;
    }

    public List<String> getProblems() {
        return problems;
    }

    public long getMaxExport() {
        return TrailService.MAX_EXPORT;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getClinic() {
        return clinic;
    }

    public void setClinic(String clinic) {
        this.clinic = clinic;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    private final class EntriesModel extends LazyDataModel<TrailEntry> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, trail.count(filter));
        }

        @Override
        public List<TrailEntry> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                     Map<String, FilterMeta> filterBy) {
            return trail.newest(filter, first, pageSize);
        }

        @Override
        public String getRowKey(TrailEntry entry) {
            return Long.toString(entry.getSeq());
        }

        @Override
        public TrailEntry getRowData(String rowKey) {
            return null;
        }
    }
}
