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
 * URL naming another clinic is answered with 403. A malformed id answers 400 with the converter's words; a clinic
 * the registry proves is not a member and that has no verified event answers 404, with the proof of absence.
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
    private boolean loaded;

    /** The page's view action (skipped when the clinic parameter is malformed). */
    public void load() throws IOException {
        loaded = true;
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
        if (isNotAMember() && eventCount == 0) {
            PageStatus.notFound();
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
        return loaded && !regulator && clinicId == null;
    }

    /** Whether the view action ran (the clinic parameter, if any, was a well-formed id). */
    public boolean isLoaded() {
        return loaded;
    }

    /** The registry's proof verified and shows the clinic was never admitted: a proof of absence. */
    public boolean isNotAMember() {
        return membership != null && membership.verdict().verified() && !membership.admitted();
    }

    /** The registry's proof verified and shows the clinic admitted (suspended or not). */
    public boolean isMember() {
        return membership != null && membership.verdict().verified() && membership.admitted();
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
