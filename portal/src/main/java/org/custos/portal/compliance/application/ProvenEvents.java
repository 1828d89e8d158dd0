package org.custos.portal.compliance.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jakarta.persistence.EntityManager;
import org.custos.portal.compliance.domain.PersonalDataScope;
import org.custos.portal.evidence.domain.ProvenEvent;
import org.custos.portal.ledger.domain.PersonalDataHit;
import org.custos.portal.ledger.domain.LedgerIndex;
import org.custos.portal.ledger.domain.VerifiedBlock;
import org.custos.portal.ledger.domain.VerifiedEvent;

/** A clinic's proven events from the verified ledger index, chain order, each with its block's receipts root. */
public final class ProvenEvents {

    private static final int PAGE = 1000;

    private ProvenEvents() {
    }

    /**
     * Every stored hit of the ledger-wide personal-data scan (paged reads), grouped by scope: the clinic whose
     * registered writer sent the transaction, else {@link ClinicFacts#CONSORTIUM} ({@link PersonalDataScope}, from
     * every clinic's proven {@code ClinicAdmitted}/{@code ClinicUpdated}).
     */
    public static Map<String, List<PersonalDataHit>> personalDataByScope(LedgerIndex index, EntityManager em) {
        List<PersonalDataHit> hits = new ArrayList<>();
        for (int first = 0; ; first += PAGE) {
            List<PersonalDataHit> page = index.personalData(first, PAGE);
            hits.addAll(page);
            if (page.size() < PAGE) {
                break;
            }
        }
        if (hits.isEmpty()) {
            return Map.of();
        }
        List<ProvenEvent> profiles = em.createQuery("select e from VerifiedEvent e where e.eventName in "
                + "('ClinicAdmitted', 'ClinicUpdated') order by e.id", VerifiedEvent.class).getResultList().stream()
                .map(e -> ProvenEvent.of(e, null)).toList();
        return new PersonalDataScope(profiles).attribute(hits);
    }

    public static List<ProvenEvent> load(LedgerIndex index, String clinicId) {
        List<ProvenEvent> events = new ArrayList<>();
        Map<Long, String> roots = new HashMap<>();
        for (int first = 0; ; first += PAGE) {
            List<VerifiedEvent> page = index.events(clinicId, first, PAGE);
            for (VerifiedEvent e : page) {
                String root = roots.computeIfAbsent(e.getBlockNumber(),
                        n -> index.block(n).map(VerifiedBlock::getReceiptsRoot).orElse(null));
                events.add(ProvenEvent.of(e, root));
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        events.sort((a, b) -> Long.compare(a.id(), b.id()));
        return events;
    }
}
