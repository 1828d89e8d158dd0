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
import org.custos.portal.trail.domain.TrailEntry;
import org.custos.portal.trail.domain.TrailVerification;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The trail page: every entry, newest first, paged in the database; and a check of the whole chain. */
@Named
@ViewScoped
public class TrailBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient TrailService trail;

    private LazyDataModel<TrailEntry> entries;
    private TrailVerification verdict;

    @PostConstruct
    void load() {
        entries = new EntriesModel();
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

    private final class EntriesModel extends LazyDataModel<TrailEntry> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, trail.count());
        }

        @Override
        public List<TrailEntry> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                     Map<String, FilterMeta> filterBy) {
            return trail.newest(first, pageSize);
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
