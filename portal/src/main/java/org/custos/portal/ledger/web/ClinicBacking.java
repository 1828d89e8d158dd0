package org.custos.portal.ledger.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.portal.ledger.application.LedgerService;
import org.custos.portal.ledger.domain.ClinicMembership;
import org.custos.portal.ledger.domain.LedgerUnavailableException;
import org.custos.portal.ledger.domain.VerifiedBlock;
import org.custos.portal.ledger.domain.VerifiedEvent;
import org.custos.portal.security.ClinicScope;
import org.custos.portal.security.CurrentUser;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The clinic page ({@code /ledger/clinic.xhtml?clinic=0x…}): a clinic's verified events, paged in the database,
 * each with its proof path, and the clinic's registry entry proven with eth_getProof. Regulators choose any
 * clinic; a compliance officer or DPO always gets their own (from the token, in the service's queries), and a
 * URL naming another clinic is answered with 403.
 */
@Named
@ViewScoped
public class ClinicBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** An event with the verified block whose receipts root and header it is proven under. */
    public record EventRow(VerifiedEvent event, VerifiedBlock block) {
    }

    @Inject
    transient LedgerService ledger;

    @Inject
    transient CurrentUser user;

    @Inject
    transient ClinicScope scope;

    private String clinic;
    private String clinicId;
    private boolean regulator;
    private long eventCount;
    private LazyDataModel<EventRow> events;
    private ClinicMembership membership;
    private String membershipUnavailable;

    /** The page's view action. */
    public void load() throws IOException {
        regulator = scope.allClinics();
        if (regulator) {
            clinicId = clinic;
            if (clinicId == null) {
                return;
            }
            eventCount = ledger.eventCountOf(clinicId);
        } else {
            Optional<String> mine = scope.ownClinic();
            if (clinic != null && !mine.map(clinic::equals).orElse(false)) {
                refuse();
                return;
            }
            clinicId = mine.orElse(null);
            if (clinicId == null) {
                return;
            }
            eventCount = ledger.eventCountOfMyClinic();
        }
        events = new EventsModel();
        try {
            membership = ledger.clinicMembership(clinicId).orElse(null);
            if (membership == null) {
                membershipUnavailable = "no verified block yet to prove it against";
            }
        } catch (LedgerUnavailableException e) {
            membershipUnavailable = e.getMessage();
        }
    }

    private static void refuse() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.responseSendError(403, "another clinic");
        faces.responseComplete();
    }

    public String getClinic() {
        return clinic;
    }

    public void setClinic(String clinic) {
        this.clinic = clinic;
    }

    public String getClinicId() {
        return clinicId;
    }

    public boolean isRegulator() {
        return regulator;
    }

    /** A compliance officer or DPO whose token's clinic has no on-chain id configured. */
    public boolean isUnmapped() {
        return !regulator && clinicId == null;
    }

    /** The clinic's portal name from the token (compliance officers and DPOs). */
    public String getClinicName() {
        return regulator ? null : user.getClinicId();
    }

    public long getEventCount() {
        return eventCount;
    }

    public LazyDataModel<EventRow> getEvents() {
        return events;
    }

    public ClinicMembership getMembership() {
        return membership;
    }

    public String getMembershipUnavailable() {
        return membershipUnavailable;
    }

    private final class EventsModel extends LazyDataModel<EventRow> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, eventCount);
        }

        @Override
        public List<EventRow> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                   Map<String, FilterMeta> filterBy) {
            List<VerifiedEvent> page = regulator ? ledger.eventsOf(clinicId, first, pageSize)
                    : ledger.eventsOfMyClinic(first, pageSize);
            return page.stream().map(e -> new EventRow(e, ledger.block(e.getBlockNumber()).orElse(null))).toList();
        }

        @Override
        public String getRowKey(EventRow row) {
            return Long.toString(row.event().getId());
        }

        @Override
        public EventRow getRowData(String rowKey) {
            return null;
        }
    }
}
