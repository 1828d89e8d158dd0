package org.custos.portal.dpo.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.custos.portal.compliance.domain.RequestClock.State;
import org.custos.portal.dpo.application.RequestQueueService;
import org.custos.portal.dpo.domain.DsrRequest;
import org.custos.portal.dpo.domain.DsrRequestProjection;
import org.custos.portal.dpo.domain.DsrRequestQuery;
import org.custos.portal.ledger.application.LedgerService;
import org.custos.portal.security.ClinicScope;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The request queue ({@code /dpo/requests.xhtml}): counts by state, the filters (also as URL parameters), a table
 * paged and sorted in the database, the CSV link. Every query goes through {@link RequestQueueService}, which keeps
 * officers and DPOs to their own clinic; regulators choose one (or every clinic). Read only for every role.
 */
@Named
@ViewScoped
public class RequestsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient RequestQueueService queue;

    @Inject
    transient LedgerService ledger;

    @Inject
    transient ClinicScope scope;

    private final RequestsFilter filter = new RequestsFilter();
    private final LazyDataModel<DsrRequest> requests = new RequestsModel();
    private boolean regulator;
    private List<String> clinics;
    private long total;
    private Map<State, Long> byState;
    private Instant asOf;

    @PostConstruct
    void init() {
        regulator = scope.allClinics();
        clinics = regulator ? ledger.clinics() : List.of();
    }

    /** The view action and the filter form's action: recount for the current filters. */
    public void apply() {
        if (!regulator) {
            filter.setClinic(null); // an officer's or DPO's clinic is their own: the service sets it, not the URL
        }
        DsrRequestQuery q = filter.toQuery();
        total = queue.count(q);
        byState = queue.countByState(q);
        asOf = queue.asOf(q.clinicId()).orElse(null);
    }

    public String getExportQuery() {
        return filter.query();
    }

    public RequestsFilter getFilter() {
        return filter;
    }

    public LazyDataModel<DsrRequest> getRequests() {
        return requests;
    }

    public boolean isRegulator() {
        return regulator;
    }

    public List<String> getClinics() {
        return clinics;
    }

    public StateFilter[] getStates() {
        return StateFilter.values();
    }

    public List<String> getTypes() {
        return DsrRequestProjection.types();
    }

    public List<String> getRegimes() {
        return RequestsParameters.REGIMES;
    }

    public long getTotal() {
        return total;
    }

    /** How many of the filtered requests are in {@code state} (0 when none). */
    public long count(String state) {
        return byState == null ? 0 : byState.getOrDefault(State.valueOf(state), 0L);
    }

    /** A state in words. */
    public String describe(State state) {
        return state == null ? "" : StateFilter.describe(state);
    }

    public Instant getAsOf() {
        return asOf;
    }

    /** The table's sort (a column header clicked) over the filter's order, as the query's. */
    static DsrRequestQuery sorted(DsrRequestQuery q, Map<String, SortMeta> sortBy) {
        if (sortBy == null || sortBy.isEmpty()) {
            return q;
        }
        SortMeta meta = sortBy.values().iterator().next();
        DsrRequestQuery.Sort sort = switch (meta.getField() == null ? "" : meta.getField()) {
            case "deadline" -> DsrRequestQuery.Sort.DEADLINE;
            case "answeredAt" -> DsrRequestQuery.Sort.ANSWERED;
            case "state" -> DsrRequestQuery.Sort.STATE;
            case "requestType" -> DsrRequestQuery.Sort.TYPE;
            case "regime" -> DsrRequestQuery.Sort.REGIME;
            case "receivedAt" -> DsrRequestQuery.Sort.RECEIVED;
            default -> null;
        };
        if (sort == null || meta.getOrder() == null || meta.getOrder() == SortOrder.UNSORTED) {
            return q;
        }
        return new DsrRequestQuery(q.clinicId(), q.states(), q.requestType(), q.regime(), q.receivedFrom(),
                q.receivedBefore(), q.extended(), sort, meta.getOrder().isAscending());
    }

    private final class RequestsModel extends LazyDataModel<DsrRequest> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, queue.count(filter.toQuery()));
        }

        @Override
        public List<DsrRequest> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                     Map<String, FilterMeta> filterBy) {
            return queue.requests(sorted(filter.toQuery(), sortBy), first, pageSize);
        }

        @Override
        public String getRowKey(DsrRequest r) {
            return r.getClinicId() + ":" + r.getRequestId();
        }

        @Override
        public DsrRequest getRowData(String rowKey) {
            return null;
        }
    }
}
