package org.custos.portal.compliance.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custos.portal.evidence.domain.ProvenEvent;
import org.custos.portal.ledger.domain.PersonalDataHit;

/**
 * Who answers for personal data the ledger-wide scan found: the clinic whose registered writer sent the transaction
 * (its sender recovered from the signature), else the consortium ({@link ClinicFacts#CONSORTIUM}: regulators only).
 * A writer is registered by a proven {@code ClinicAdmitted} or {@code ClinicUpdated} naming it; the account is
 * the clinic's from then on and before (a key registered later was the clinic's key already), so a writer listed by
 * one clinic only is that clinic's. An address registered by several clinics goes to the one whose registration is
 * the latest at or before the transaction (chain order), else to the earliest later one. A transaction whose
 * signature proves no sender is the consortium's.
 */
public final class PersonalDataScope {

    private record Registration(String clinicId, long block, int txIndex) {
    }

    private final Map<String, List<Registration>> byWriter = new HashMap<>();

    /** From the proven profile events ({@code ClinicAdmitted}, {@code ClinicUpdated}; others are ignored). */
    public PersonalDataScope(List<ProvenEvent> profileEvents) {
        for (ProvenEvent e : profileEvents) {
            if (e.name().equals("ClinicAdmitted") || e.name().equals("ClinicUpdated")) {
                byWriter.computeIfAbsent(e.field("writer").toLowerCase(Locale.ROOT), w -> new ArrayList<>())
                        .add(new Registration(e.clinicId(), e.block(), e.txIndex()));
            }
        }
        byWriter.values().forEach(list -> list.sort((a, b) -> a.block != b.block ? Long.compare(a.block, b.block)
                : Integer.compare(a.txIndex, b.txIndex)));
    }

    /** The clinic id a hit belongs to, or {@link ClinicFacts#CONSORTIUM}. */
    public String scopeOf(PersonalDataHit hit) {
        List<Registration> registrations = hit.getSender() == null ? null
                : byWriter.get(hit.getSender().toLowerCase(Locale.ROOT));
        if (registrations == null) {
            return ClinicFacts.CONSORTIUM;
        }
        Registration chosen = registrations.get(0);
        for (Registration r : registrations) {
            if (r.block < hit.getBlockNumber() || r.block == hit.getBlockNumber() && r.txIndex <= hit.getTxIndex()) {
                chosen = r;
            }
        }
        return chosen.clinicId;
    }

    /** Hits by scope (clinic id or {@link ClinicFacts#CONSORTIUM}), each list in the given (chain) order. */
    public Map<String, List<PersonalDataHit>> attribute(List<PersonalDataHit> hits) {
        Map<String, List<PersonalDataHit>> out = new LinkedHashMap<>();
        for (PersonalDataHit h : hits) {
            out.computeIfAbsent(scopeOf(h), s -> new ArrayList<>()).add(h);
        }
        return out;
    }
}
