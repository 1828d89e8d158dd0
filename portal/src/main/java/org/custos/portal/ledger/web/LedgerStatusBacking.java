package org.custos.portal.ledger.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.custos.portal.ledger.application.LedgerService;
import org.custos.portal.ledger.application.LedgerService.SyncOverview;
import org.custos.portal.ledger.application.SyncEngine.EndpointStatus;
import org.custos.portal.ledger.domain.IntegrityAlert;
import org.custos.portal.ledger.domain.VerifiedBlock;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The ledger page ({@code /ledger/status.xhtml}, every portal role: chain-wide facts only): verified height
 * against each endpoint's claimed head, progress while catching up (the page polls {@link #refresh} until
 * {@link #isSettled}), blocks per second, endpoints, integrity alerts and the newest verified blocks.
 */
@Named
@ViewScoped
public class LedgerStatusBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One endpoint as shown: address without credentials, the node's claimed head and how far the index is behind. */
    public record EndpointRow(String endpoint, boolean reachable, Long head, Long behind, String error,
                              Instant unreachableSince, Instant checkedAt) {
    }

    @Inject
    transient LedgerService ledger;

    private SyncOverview overview;
    private List<EndpointRow> endpoints;
    private List<VerifiedBlock> newest;
    private LazyDataModel<IntegrityAlert> alerts;

    @PostConstruct
    void load() {
        alerts = new AlertsModel();
        refresh();
    }

    /** Reads the sync's progress again (the page's poll calls this). */
    public void refresh() {
        overview = ledger.overview();
        endpoints = overview.endpoints().stream().map(this::row).toList();
        newest = ledger.newestBlocks(0, 10);
    }

    private EndpointRow row(EndpointStatus s) {
        Long behind = s.head() == null ? null : Math.max(0, s.head() - overview.verifiedNumber());
        return new EndpointRow(Endpoints.display(s.endpoint()), s.reachable(), s.head(), behind, s.error(),
                s.unreachableSince(), s.checkedAt());
    }

    /** Nothing left to watch: caught up with every reachable endpoint's head, halted on an alert, or sync off. */
    public boolean isSettled() {
        if (!overview.configured() || overview.haltedAt() != null) {
            return true;
        }
        boolean allReachable = !endpoints.isEmpty() && endpoints.stream().allMatch(EndpointRow::reachable);
        return allReachable && overview.targetHead() >= 0 && overview.verifiedNumber() >= overview.targetHead()
                && endpoints.stream().allMatch(e -> e.behind() != null && e.behind() == 0);
    }

    /** What the sync is doing, in a word or two. */
    public String getPhase() {
        if (!overview.configured()) {
            return "off";
        }
        if (overview.haltedAt() != null) {
            return "halted at block " + overview.haltedAt();
        }
        if (overview.unreachableSince() != null) {
            return "no endpoint answers";
        }
        if (overview.targetHead() < 0) {
            return "starting";
        }
        return overview.verifiedNumber() >= overview.targetHead() ? "synced" : "catching up";
    }

    /** Whole percent verified between the checkpoint and the head. */
    public int getPercent() {
        return (int) Math.floor(overview.progress() * 100);
    }

    /** Of the last run that stored blocks since the portal started; none when the index was already complete. */
    public String getBlocksPerSecond() {
        double rate = overview.blocksPerSecond();
        return rate > 0 ? String.format(java.util.Locale.ROOT, "%.0f", rate) : "no blocks stored since the portal started";
    }

    public SyncOverview getOverview() {
        return overview;
    }

    public List<EndpointRow> getEndpoints() {
        return endpoints;
    }

    public List<VerifiedBlock> getNewest() {
        return newest;
    }

    public LazyDataModel<IntegrityAlert> getAlerts() {
        return alerts;
    }

    /** An alert's endpoint(s) as shown: no credentials. */
    public String endpointsOf(IntegrityAlert alert) {
        String first = Endpoints.display(alert.getEndpoint());
        return alert.getOtherEndpoint() == null ? first : first + " vs " + Endpoints.display(alert.getOtherEndpoint());
    }

    private final class AlertsModel extends LazyDataModel<IntegrityAlert> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, overview.alerts());
        }

        @Override
        public List<IntegrityAlert> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                         Map<String, FilterMeta> filterBy) {
            return ledger.alerts(first, pageSize);
        }

        @Override
        public String getRowKey(IntegrityAlert alert) {
            return String.valueOf(alert.getId());
        }

        @Override
        public IntegrityAlert getRowData(String rowKey) {
            return null;
        }
    }
}
